import { describe, expect, it } from 'vitest';
import { fillTextarea, findComplaintTextareas } from '../../../components/overlay/form-fill';

describe('findComplaintTextareas', () => {
  it('finds textareas by their label, aria-label, placeholder or form-item label', () => {
    document.body.innerHTML = `
      <label for="a">问题描述</label><textarea id="a"></textarea>
      <textarea aria-label="Message to support"></textarea>
      <textarea placeholder="请输入投诉内容"></textarea>
      <div class="el-form-item"><label class="el-form-item__label">反馈</label><div><textarea></textarea></div></div>
      <label for="notes">备注</label><textarea id="notes"></textarea>
      <textarea disabled aria-label="Description"></textarea>`;
    const found = findComplaintTextareas(document);
    expect(found).toHaveLength(4);
    expect(found.map((t) => t.id || t.getAttribute('aria-label') || t.placeholder || 'el')).toEqual(['a', 'Message to support', '请输入投诉内容', 'el']);
  });
});

describe('fillTextarea', () => {
  it('sets the value and fires input and change events that bubble', () => {
    document.body.innerHTML = '<form><textarea id="d"></textarea></form>';
    const area = document.getElementById('d') as HTMLTextAreaElement;
    const seen: string[] = [];
    document.body.addEventListener('input', (e) => seen.push(`input:${(e.target as HTMLTextAreaElement).value}`));
    document.body.addEventListener('change', () => seen.push('change'));
    fillTextarea(area, '退还多扣款 20.00 元');
    expect(area.value).toBe('退还多扣款 20.00 元');
    expect(seen).toEqual(['input:退还多扣款 20.00 元', 'change']);
  });
});
