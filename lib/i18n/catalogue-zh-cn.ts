// 简体中文 messages. Same keys and placeholders as catalogue-en.ts (checked by the type here and
// by tests/unit/i18n). Wording follows the industry vocabulary of DOMAIN.md §1 and §3.
import type { MessageKey } from './catalogue-en';

export const ZH_CN: Record<MessageKey, string> = {
  // ── app ────────────────────────────────────────────────────────────────────────────────
  'app.name': '结算卫士',
  'app.tagline': '在收单商户后台直接找出多扣的手续费和结算款。',
  'common.unknown': '未知',
  'common.none': '无',
  'common.notApplicable': '不适用',
  'common.yes': '是',
  'common.no': '否',
  'common.loading': '加载中…',
  'common.error': '出错了：{message}',

  // ── actions ────────────────────────────────────────────────────────────────────────────
  'action.dispute': '申诉',
  'action.copy': '复制',
  'action.copied': '已复制',
  'action.insert': '填入表单',
  'action.dismiss': '忽略',
  'action.restore': '恢复',
  'action.markDisputed': '标记为已申诉',
  'action.markResolved': '标记为已解决',
  'action.close': '关闭',
  'action.cancel': '取消',
  'action.save': '保存',
  'action.delete': '删除',
  'action.edit': '编辑',
  'action.export': '导出',
  'action.exportEvidence': '导出证据包',
  'action.openOptions': '打开结算卫士',
  'action.showAll': '查看全部',

  // ── in-page overlay ────────────────────────────────────────────────────────────────────
  'overlay.rowFlagged': '{kind}：{explanation}',
  'overlay.rowFlaggedCount': '本行发现 {count} 项异常',
  'overlay.panelTitle': '申诉草稿',
  'overlay.disputed': '申诉中',
  'overlay.disputeRejected': '申诉被拒',
  'overlay.disputeRejectedHint': '收单机构已驳回此申诉。可在结算卫士的申诉页生成下一步的信函：书面投诉，再向监管部门投诉。',
  'overlay.pickDraft': '选择申诉草稿',
  'overlay.noDraft': '还没有申诉草稿。请先在标记的交易行点击“申诉”。',
  'overlay.insertDone': '已填入表单，提交前请再核对一遍。',
  'overlay.atStake': '涉及金额：{amount}',
  // ── 防钓鱼（issue 14 item 10）────────────────────────────────────────────────────────
  'phishing.warning': '警惕诈骗：此页面看起来像{brand}，但不在{brand}自己的网站上，可能是骗取登录信息的假冒网站。',
  'phishing.held': '在您确认信任此网站之前，结算卫士不会读取此页面的任何内容。如有疑问，请关闭此页，自己输入收单机构的网址。',
  'phishing.confirm': '我信任此网站，允许结算卫士读取',
  'phishing.reasonsTitle': '原因',
  'phishing.reason.title': '页面标题写着{brand}：“{title}”。',
  'phishing.reason.logo': '页面标志或标题写着“{text}”。',
  'phishing.reason.hostLookalike': '网址 {host} 模仿{brand}的名称。',
  'phishing.reason.hostHomoglyph': '网址 {host} 用形似字母模仿{brand}的名称。',
  'phishing.reason.brandSubdomain': '网址 {host} 把{brand}的名称放在另一个域名 {registrable} 前面。',
  'phishing.reason.password': '页面要求输入密码。',
  'phishing.reason.notOwnDomain': '{brand}自己的网站在 {domains}；此页面在 {host}。',

  // ── disputes ───────────────────────────────────────────────────────────────────────────
  'dispute.letterLanguage': '申诉函语言',

  // ── severities ─────────────────────────────────────────────────────────────────────────
  'severity.overcharge': '多扣款',
  'severity.suspect': '疑似',
  'severity.info': '提示',

  // ── card types ─────────────────────────────────────────────────────────────────────────
  'cardType.debit': '借记卡',
  'cardType.credit': '贷记卡',
  'cardType.semi_credit': '准贷记卡',
  'cardType.prepaid': '预付卡',
  'cardType.foreign': '外卡',
  'cardType.qr_wechat': '微信支付',
  'cardType.qr_alipay': '支付宝',
  'cardType.qr_unionpay': '银联二维码',
  'cardType.unknown': '卡类型未知',

  // ── transaction statuses ───────────────────────────────────────────────────────────────
  'txnStatus.success': '成功',
  'txnStatus.failed': '失败',
  'txnStatus.pending': '处理中',
  'txnStatus.voided': '已撤销',
  'txnStatus.reversed': '已冲正',
  'txnStatus.unknown': '未知',

  // ── fee periods ────────────────────────────────────────────────────────────────────────
  'period.month': '月',
  'period.quarter': '季度',
  'period.year': '年',

  // ── finding kinds: short names (DOMAIN.md §3) ──────────────────────────────────────────
  'kind.duplicate_charge': '重复扣款',
  'kind.fee_above_contract': '手续费超约定',
  'kind.debit_cap_ignored': '借记卡未封顶',
  'kind.wrong_card_rate': '卡类型错算',
  'kind.instant_fee_unexpected': '秒到费异常',
  'kind.rate_drift': '费率上调',
  'kind.settlement_shortfall': '结算短款',
  'kind.settlement_missing': '结算未到账',
  'kind.void_still_settled': '撤销仍结算',
  'kind.refund_problem': '退货退款异常',
  'kind.hidden_fee': '隐性扣费',
  'kind.unmatched_portal_sale': '渠道单边',
  'kind.missing_at_acquirer': '渠道漏单',
  'kind.amount_mismatch': '金额不符',
  'kind.status_mismatch': '状态不符',
  'kind.deposit_deducted': '押金/激活费扣款',
  'kind.chargeback_fee': '拒付费异常',
  'kind.mcc_jump_risk': '跳码/二清风险',
  'kind.fx_surcharge': '汇率/跨境附加费',
  'kind.terminal_health': '终端异常（请检查POS机）',

  // ── finding explanations ───────────────────────────────────────────────────────────────
  'finding.duplicate_charge':
    '{#terminalId}终端 {terminalId} {/terminalId}{#cardLast4}卡号尾号 {cardLast4} {/cardLast4}在 {first:datetime} 与 {second:datetime} 各有一笔 {amount:money} 的消费，相隔 {seconds} 秒，疑似重复扣款。',
  'finding.fee_above_contract':
    '交易金额 {amount:money}，按约定费率 {percent:percent}{#fixed} + {fixed:money}/笔{/fixed}{#cap}（封顶 {cap:money}）{/cap}，应收手续费 {expected:money}，实收 {charged:money}，多收 {difference:money}。',
  'finding.debit_cap_ignored':
    '借记卡交易 {amount:money}，约定费率 {percent:percent}、封顶 {cap:money}/笔，应收手续费 {expected:money}，实收 {charged:money}，未按封顶计收，多收 {difference:money}。',
  'finding.wrong_card_rate':
    '{cardType:cardType}交易 {amount:money} 应按 {rate:percent} 计费{#appliedRate}，却按 {appliedRate:percent} 计收{/appliedRate}：应收手续费 {expected:money}，实收 {charged:money}，多收 {difference:money}。',
  'finding.instant_fee_unexpected':
    '交易 {amount:money} 被收取秒到/D0 手续费 {instantFeeCharged:money}{#contractInstantFee}（约定 {contractInstantFee:money}）{/contractInstantFee}{#settleCycle}，而合同约定的结算周期为 {settleCycle}{/settleCycle}，多收 {difference:money}。',
  'finding.rate_drift':
    '{cardType:cardType}实际费率自 {from} 起由 {oldRate:percent} 升至 {newRate:percent}（{count} 笔交易），合同未作变更，至今多收 {excess:money}。',
  'finding.settlement_shortfall':
    '清算日 {settleDate} 的 {count} 笔交易应于 {expectedValueDate} 到账 {expected:money}，银行实际到账 {received:money}，短款 {difference:money}。',
  'finding.settlement_missing': '清算日 {settleDate} 的 {count} 笔交易应于 {expectedValueDate} 到账 {expected:money}，宽限期已过，银行流水中未见对应入账。',
  'finding.void_still_settled':
    '{amount:money} 的交易{#rrn}（参考号 {rrn}）{/rrn}已撤销或冲正{#voidOccurredAt}（{voidOccurredAt:datetime}）{/voidOccurredAt}，但仍被结算{#valueDate}（{valueDate} 银行入账）{/valueDate}。',
  'finding.refund_problem':
    '退货退款异常{#originalAmount}：原交易 {originalAmount:money}{/originalAmount}{#refundCount}，共 {refundCount} 笔退款合计 {refunded:money}，超出 {difference:money}{/refundCount}{#dueBy}：收银系统于 {cashierOccurredAt:datetime} 退款 {amount:money}，截至 {dueBy} 收单平台仍未处理{/dueBy}{#feeDue}：退款 {refundAmount:money} 按合同应退还原交易手续费 {saleFee:money} 中的 {feeDue:money}，实际仅退还 {feeReturned:money}，少退 {difference:money}{/feeDue}。',
  'finding.hidden_fee':
    '{date} 被扣收“{label}” {amount:money}，超出合同约定{#contractAmount}（合同约定每{every:period} {contractAmount:money}）{/contractAmount}，多收 {difference:money}。',
  'finding.unmatched_portal_sale': '收单平台在 {occurredAt:datetime} 有一笔 {amount:money} 的交易，收银记录前后 {windowMinutes} 分钟内没有对应记录。',
  'finding.missing_at_acquirer':
    '收银系统在 {occurredAt:datetime} 记录了一笔 {amount:money} 的刷卡收款{#orderNo}（订单号 {orderNo}）{/orderNo}，收单平台没有对应交易。',
  'finding.amount_mismatch': '{occurredAt:datetime} 的交易在收单平台为 {portalAmount:money}，收银记录为 {cashierAmount:money}，相差 {difference:money}。',
  'finding.status_mismatch': '{occurredAt:datetime} 的 {amount:money} 交易显示为“{status:status}”，但结算记录与之不符。',
  'finding.deposit_deducted':
    '{#settleDate}清算日 {settleDate} 的结算（应到 {expected:money}，实到 {received:money}）{/settleDate}被整额扣除 {difference:money}{#label}（{label}）{/label}，疑似押金或激活费。',
  'finding.chargeback_fee':
    '{txnDate} 被收取拒付/退单费 {fee:money}{#contractFee}（约定 {contractFee:money}）{/contractFee}，没有对应的拒付记录或超出约定，涉及 {difference:money}。',
  'finding.mcc_jump_risk':
    '{#lowestRate}{count} 笔银行卡交易的实际费率低至 {lowestRate:percent}，低于监管下限约 {floorRate:percent}，交易可能被跳码或经二清机构处理（风险提示，并非多扣款）。{/lowestRate}{#payer}{month} 有 {settlements} 笔结算款（合计 {received:money}）的付款方为“{payer}”，既非银行也非持牌支付机构，资金可能经二清机构清算，存在资金风险（风险提示，并非多扣款）。{/payer}',
  'finding.fx_surcharge':
    '交易 {amount:money} 被收取跨境/汇率附加费 {fxFeeCharged:money}，但该卡{#cardCountry}（发卡地 {cardCountry}）{/cardCountry}为境内卡。',
  'finding.terminal_health':
    '终端 {terminalId}{#merchantId}（商户 {merchantId}）{/merchantId}在 {period} 的 {attempts} 笔交易中有 {count} 笔{metric:terminalMetric}（{rate:percent}），而{#othersRate}本店其他终端为 {othersRate:percent}{/othersRate}{#pastRate}该终端此前各月为 {pastRate:percent}{/pastRate}。比例明显偏高，通常是设备问题：请检查这台POS机（读卡器、网络、软件）。仅为提示，并非多扣款。',
  // ── terminal health: the rates a terminal is judged on (issue 13 item 4) ─────────────
  'terminalMetric.duplicates': '重复刷卡',
  'terminalMetric.reversals': '冲正',
  'terminalMetric.voids': '撤销',
  'terminalMetric.failures': '失败或被拒',
  // ── overlay table tools: capture all pages, teach columns (issue 3) ───────────────────
  'overlay.tools': '结算卫士表格工具',
  'overlay.captureAll': '采集全部页',
  'overlay.stop': '停止',
  'overlay.captureProgress': '第 {page} 页：已采集 {rows} 行',
  'overlay.captureSummary': '已采集 {pages} 页，共 {rows} 行（其中 {known} 行此前已采集）。',
  'overlay.captureStopped': '已停止。',
  'overlay.teach': '教它认列',
  'overlay.teachTitle': '每一列是什么',
  'overlay.fieldIgnore': '不使用',
  'overlay.teachSaved': '已保存：此网站以后都按此识别。',
  'field.occurredAt': '交易时间',
  'field.kind': '交易类型',
  'field.status': '交易状态',
  'field.amount': '交易金额',
  'field.fee': '手续费',
  'field.net': '结算金额',
  'field.extraFees': '附加手续费（秒到费等）',
  'field.cardLast4': '卡号',
  'field.cardType': '卡类型',
  'field.cardCountry': '发卡国家',
  'field.entryMode': '交易方式',
  'field.merchantId': '商户号',
  'field.merchantName': '商户名称',
  'field.terminalId': '终端号',
  'field.rrn': '参考号',
  'field.voucherNo': '凭证号',
  'field.batchNo': '批次号',
  'field.authCode': '授权码',
  'field.orderNo': '订单号',
  'field.originalRef': '原交易参考号',
  'field.settleDate': '清算日期',
  'field.settleCycle': '结算周期',
  'field.payoutId': '结算批次',
  'field.currency': '币种',
  'field.cardBin': '卡号前六位',
  'field.direction': '收支方向',
  // ── 教它认列：每列的含义从哪里来（issue 12） ──────────────────────────────────────────
  'overlay.source.header': '表头',
  'overlay.source.values': '从数值推断',
  'overlay.source.taught': '你的设定',
  'overlay.confidence.high': '把握大',
  'overlay.confidence.medium': '较有把握',
  'overlay.confidence.low': '把握小',
  'overlay.inferredHint': '有 {count} 列是根据数值推断的，请在“教它认列”中核对。',
  'overlay.confirmInferred': '确认这些列',
  'overlay.unreadTable': '结算卫士读不懂这个表格。无法识别的列：{columns}。请用“教它认列”告诉它每列是什么。',
  'overlay.captureRefused': '结算卫士没有保存此页的 {rows} 行：它们被拒收（{reason}）。不会再次发送；如有列读错，请用“教它认列”更正。',
  'overlay.unreadRows': '结算卫士读不出这个表格的任何一行。请用“教它认列”核对每列是什么。',
  'capture.storageFull': '浏览器给结算卫士的存储空间已满，这些行一行也没有保存。请释放磁盘空间，或导出备份后删除旧数据，然后刷新此页',
  'infer.dateTime': '每行都是日期和时间',
  'infer.date': '每行都是日期',
  'infer.dateAndTime': '日期和时间分在两列（另一列：{other}）',
  'infer.card': '打码的卡号',
  'infer.cardSplit': '卡号分在两列（另一列：{other}）',
  'infer.rrn': '12 位数字，{rows} 行各不相同',
  'infer.voucherNo': '6 位数字，每行不同',
  'infer.authCode': '6 位代码，在凭证号旁边',
  'infer.batchNo': '6 位数字，多行重复（{distinct} 个值）',
  'infer.terminalId': '8 位代码',
  'infer.merchantId': '15 位数字',
  'infer.words': '内容如 {examples}',
  'infer.amount': '金额，每行最大的一列',
  'infer.feeNet': '每行 {fee} + {net} = 金额',
  'infer.net': '每行等于金额减 {fee}',
  'infer.feeFromNet': '每行等于金额减 {net}',
  'infer.fee': '金额的一小部分（最多 {max}），与金额成比例',
  'infer.netClose': '每行略小于金额',
  'infer.extraFee': '每行 金额 − 手续费 − 本列 = 结算金额',
};
