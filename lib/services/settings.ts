import { DEFAULT_SETTINGS, type SettleGuardDb, type Settings } from '../db';

export async function loadSettings(db: SettleGuardDb): Promise<Settings> {
  const stored = await db.settings.get('main');
  return { ...DEFAULT_SETTINGS, ...stored, merchant: { ...DEFAULT_SETTINGS.merchant, ...stored?.merchant } };
}

export async function saveSettings(db: SettleGuardDb, patch: Partial<Omit<Settings, 'id'>>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await loadSettings(db)), ...patch, id: 'main' as const };
    await db.settings.put(next);
    return next;
  });
}
