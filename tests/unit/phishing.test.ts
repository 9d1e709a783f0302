import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACQUIRER_BRANDS, assessPage, describeImitation, isOwnedBy, readPageSigns, registrableDomain, skeleton, type PageSigns } from '../../lib/phishing';
import { PORTAL_PROFILES } from '../../lib/portals/profiles';
import { decodePunycode } from '../../lib/punycode';

// what a copied login page shows: the brand in the title and the logo, and a password field
const lakalaLogin = (url: string, over: Partial<PageSigns> = {}): PageSigns => ({
  url,
  title: '拉卡拉商户服务平台 - 登录',
  brandTexts: ['拉卡拉 LAKALA'],
  hasPasswordForm: true,
  ...over,
});

describe('assessPage: real portals are never warned about', () => {
  const real: { description: string; signs: PageSigns }[] = [
    { description: 'Lakala merchant self-service, full brand and login', signs: lakalaLogin('https://s.lakala.com/login') },
    { description: 'a Lakala subdomain', signs: lakalaLogin('https://merchant.lakala.com/') },
    {
      description: '银联商务 service platform',
      signs: { url: 'https://service.chinaums.com/uis/uisWebLogin', title: '银联商务 商户服务平台', brandTexts: ['银联商务'], hasPasswordForm: true },
    },
    {
      description: 'Stripe dashboard login',
      signs: { url: 'https://dashboard.stripe.com/login', title: 'Stripe Login', brandTexts: ['Stripe'], hasPasswordForm: true },
    },
    {
      description: 'Square dashboard',
      signs: { url: 'https://squareup.com/login', title: 'Sign In | Square', brandTexts: ['Square'], hasPasswordForm: true },
    },
    {
      description: 'Adyen Customer Area showing a PayPal payment-method logo',
      signs: { url: 'https://ca-live.adyen.com/ca/ca/login.shtml', title: 'Adyen Customer Area', brandTexts: ['Adyen', 'PayPal'], hasPasswordForm: true },
    },
    {
      description: 'PayPal',
      signs: { url: 'https://www.paypal.com/signin', title: 'Log in to your PayPal account', brandTexts: ['PayPal'], hasPasswordForm: true },
    },
    {
      description: 'Huifu on its older domain',
      signs: { url: 'https://www.chinapnr.com/', title: '汇付天下', brandTexts: ['汇付天下'], hasPasswordForm: true },
    },
    { description: 'trailing-dot FQDN', signs: lakalaLogin('https://s.lakala.com./') },
  ];
  it.each(real)('$description → ok', ({ signs }) => {
    expect(assessPage(signs)).toEqual({ verdict: 'ok', reasons: [] });
  });

  it('every built-in portal profile example is on its brand own domains and assessed ok with its brand on a login page', () => {
    let checked = 0;
    for (const profile of PORTAL_PROFILES) {
      const brand = ACQUIRER_BRANDS.find((b) => b.id === profile.id);
      for (const example of profile.examples) {
        expect(brand, profile.id).toBeDefined();
        expect(isOwnedBy(new URL(example).hostname, brand!)).toBe(true);
        const signs = { url: example, title: `${profile.name.zh} ${profile.name.en} 登录`, brandTexts: [profile.name.en], hasPasswordForm: true };
        expect(assessPage(signs).verdict).toBe('ok');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });
});

describe('assessPage: imitations', () => {
  const fakes: { description: string; signs: PageSigns; brand: string; codes: string[] }[] = [
    {
      description: 'copied login page on a plain IP (title, logo, password)',
      signs: lakalaLogin('http://127.0.0.1:8080/login.html'),
      brand: 'lakala',
      codes: ['phishing.reason.title', 'phishing.reason.logo', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'lookalike domain lakala-pay.com with a login form and nothing else',
      signs: { url: 'https://lakala-pay.com/', title: '登录', brandTexts: [], hasPasswordForm: true },
      brand: 'lakala',
      codes: ['phishing.reason.hostLookalike', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'digit for a letter: 1akala.cn',
      signs: { url: 'https://www.1akala.cn/login', title: 'Login', brandTexts: [], hasPasswordForm: true },
      brand: 'lakala',
      codes: ['phishing.reason.hostLookalike', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'one letter dropped: lakla.com, with the brand in the title',
      signs: { url: 'https://lakla.com/', title: '拉卡拉商户平台', brandTexts: [], hasPasswordForm: false },
      brand: 'lakala',
      codes: ['phishing.reason.hostLookalike', 'phishing.reason.title', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'Cyrillic а in an IDN (xn--lkala-4ve.com = lаkala.com)',
      signs: { url: 'https://xn--lkala-4ve.com/', title: 'Sign in', brandTexts: [], hasPasswordForm: true },
      brand: 'lakala',
      codes: ['phishing.reason.hostHomoglyph', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'brand as a subdomain of another domain: s.lakala.com.evil-host.cn',
      signs: { url: 'https://s.lakala.com.evil-host.cn/', title: '商户登录', brandTexts: [], hasPasswordForm: true },
      brand: 'lakala',
      codes: ['phishing.reason.brandSubdomain', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'brand with an affix: mychinaums.com',
      signs: { url: 'https://www.mychinaums.com/uis', title: '银联商务', brandTexts: [], hasPasswordForm: true },
      brand: 'chinaums',
      codes: ['phishing.reason.hostLookalike', 'phishing.reason.title', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'PayPal title in full-width letters with a password form',
      signs: { url: 'https://account-verify.example/', title: 'Ｐａｙｐａｌ - Log in', brandTexts: [], hasPasswordForm: true },
      brand: 'paypal',
      codes: ['phishing.reason.title', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
    {
      description: 'Square: common word, but title and logo and login together',
      signs: { url: 'https://square-dashboard.example/', title: 'Sign In | Square', brandTexts: ['Square'], hasPasswordForm: true },
      brand: 'square',
      codes: ['phishing.reason.title', 'phishing.reason.logo', 'phishing.reason.password', 'phishing.reason.notOwnDomain'],
    },
  ];
  it.each(fakes)('$description → imitation of $brand', ({ signs, brand, codes }) => {
    const result = assessPage(signs);
    expect(result.verdict).toBe('imitation');
    expect(result.brand).toBe(brand);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    const own = result.reasons.find((r) => r.code === 'phishing.reason.notOwnDomain')!;
    expect(own.params.domains).toBe(ACQUIRER_BRANDS.find((b) => b.id === brand)!.domains.join(', '));
  });

  it('names the decoded IDN and the real registrable domain', () => {
    const homoglyph = assessPage({ url: 'https://xn--lkala-4ve.com/', title: '', brandTexts: [], hasPasswordForm: true });
    expect(homoglyph.reasons[0]!.params.host).toBe('xn--lkala-4ve.com (lаkala)');
    const sub = assessPage({ url: 'https://s.lakala.com.evil-host.cn/', title: '', brandTexts: [], hasPasswordForm: true });
    expect(sub.reasons[0]!.params.registrable).toBe('evil-host.cn');
  });
});

describe('assessPage: ordinary sites are ok', () => {
  const ordinary: { description: string; signs: PageSigns }[] = [
    {
      description: "the merchant's own shop back office with a login",
      signs: { url: 'https://admin.haozailai-shop.cn/login', title: '好再来便利店 后台登录', brandTexts: ['好再来'], hasPasswordForm: true },
    },
    {
      description: 'the demo portal (汇通收单) with a transaction table',
      signs: { url: 'http://127.0.0.1:4173/index.html', title: '交易查询 - 汇通收单 商户服务平台', brandTexts: ['汇通收单'], hasPasswordForm: false },
    },
    {
      description: "an agent's sales page naming Lakala, no login, ordinary host",
      signs: { url: 'https://pos-agent.example/', title: '拉卡拉POS机办理_拉卡拉电签POS', brandTexts: ['拉卡拉'], hasPasswordForm: false },
    },
    {
      description: 'a shop login with a "Pay with PayPal" logo',
      signs: { url: 'https://shop.example/account', title: 'My account – Shop', brandTexts: ['PayPal'], hasPasswordForm: true },
    },
    {
      description: 'a page listing several acquirers, with a login',
      signs: { url: 'https://erp.example/login', title: '收银系统 - 支持拉卡拉、银联商务、随行付', brandTexts: [], hasPasswordForm: true },
    },
    {
      description: 'Squarespace is not Square',
      signs: { url: 'https://login.squarespace.com/', title: 'Squarespace Login', brandTexts: ['Squarespace'], hasPasswordForm: true },
    },
    {
      description: 'Square Enix login: common word in the title alone',
      signs: { url: 'https://secure.square-enix.com/', title: 'Square Enix ID Login', brandTexts: [], hasPasswordForm: true },
    },
    {
      description: 'a pinstripe tailor',
      signs: { url: 'https://pinstripe-tailors.example/login', title: 'Pinstripe tailors', brandTexts: [], hasPasswordForm: true },
    },
    {
      description: 'a blog on lakala-fans.com, no login, no brand words',
      signs: { url: 'https://lakala-fans.com/post/1', title: 'POS 心得', brandTexts: [], hasPasswordForm: false },
    },
    { description: 'not a URL', signs: { url: 'not a url', title: '拉卡拉', brandTexts: ['拉卡拉'], hasPasswordForm: true } },
  ];
  it.each(ordinary)('$description → ok', ({ signs }) => {
    expect(assessPage(signs)).toEqual({ verdict: 'ok', reasons: [] });
  });
});

describe('host helpers', () => {
  it('decodes Punycode labels (RFC 3492 samples)', () => {
    expect(decodePunycode('lkala-4ve')).toBe('lаkala');
    expect(decodePunycode('fiqs8s')).toBe('中国');
    expect(decodePunycode('bcher-kva')).toBe('bücher');
    expect(decodePunycode('!!')).toBeNull();
    // the same as Node's WHATWG URL decoding of the labels browsers show as xn--
    for (const name of ['lаkala', 'раураl', 'ѕtripe', '拉卡拉', 'chinaums支付', 'lakalá']) {
      const ascii = domainToASCII(`${name}.com`).split('.')[0]!;
      expect(decodePunycode(ascii.slice(4))).toBe(domainToUnicode(ascii));
    }
  });
  it('folds look-alikes to one skeleton', () => {
    expect(skeleton('1akala')).toBe(skeleton('lakala'));
    expect(skeleton('lakaia')).toBe(skeleton('lakala'));
    expect(skeleton('раураl')).toBe(skeleton('paypal'));
    expect(skeleton('chlnaurns')).toBe(skeleton('chinaums'));
  });
  it('takes registrable domains under two-letter country codes', () => {
    expect(registrableDomain('a.b.evil.com.cn')).toBe('evil.com.cn');
    expect(registrableDomain('s.lakala.com.evil-host.cn')).toBe('evil-host.cn');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('readPageSigns', () => {
  it('reads the title, logo and heading texts and a password field', () => {
    document.title = '拉卡拉商户服务平台';
    document.body.innerHTML = `<header><div class="site-logo"><img alt="拉卡拉 LAKALA" src="/l.png"></div></header><h1>商户登录</h1>
      <form><input name="u"><input type="password" name="p"></form>`;
    const signs = readPageSigns(document);
    expect(signs.title).toBe('拉卡拉商户服务平台');
    expect(signs.brandTexts).toEqual(expect.arrayContaining(['拉卡拉 LAKALA', '商户登录']));
    expect(typeof signs.hasPasswordForm).toBe('boolean'); // layout (visibility) is checked in Chromium: tests/e2e/phishing.spec.ts
  });
});

describe('describeImitation', () => {
  it('says which brand, why, and where its real sites are, in zh-CN and en', () => {
    const assessment = assessPage(lakalaLogin('http://127.0.0.1:8080/login.html'));
    const zh = describeImitation('zh-CN', assessment);
    expect(zh.warning).toContain('拉卡拉');
    expect(zh.reasons).toEqual([
      '页面标题写着拉卡拉：“拉卡拉商户服务平台 - 登录”。',
      '页面标志或标题写着“拉卡拉 LAKALA”。',
      '页面要求输入密码。',
      '拉卡拉自己的网站在 lakala.com；此页面在 127.0.0.1。',
    ]);
    const en = describeImitation('en', assessment);
    expect(en.warning).toContain('Lakala');
    expect(en.reasons.at(-1)).toBe('Lakala’s own sites are on lakala.com; this page is on 127.0.0.1.');
  });
});
