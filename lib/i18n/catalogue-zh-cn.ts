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

  // ── popup ──────────────────────────────────────────────────────────────────────────────
  'popup.title': '结算卫士',
  'popup.findingsOnSite': '本站发现',
  'popup.findingsOverall': '全部发现',
  'popup.moneyAtStake': '涉及金额',
  'popup.noFindings': '暂无发现',
  'popup.rowsCaptured': '本站已读取 {count} 行',
  'popup.siteDisabled': '结算卫士未在此网站启用。',
  'popup.enableSite': '在此网站启用',
  'popup.disableSite': '在此网站停用',
  'popup.lastReconciled': '上次核对：{time}',

  // ── in-page overlay ────────────────────────────────────────────────────────────────────
  'overlay.rowFlagged': '{kind}：{explanation}',
  'overlay.rowFlaggedCount': '本行发现 {count} 项异常',
  'overlay.panelTitle': '申诉草稿',
  'overlay.pickDraft': '选择申诉草稿',
  'overlay.noDraft': '还没有申诉草稿。请先在标记的交易行点击“申诉”。',
  'overlay.insertDone': '已填入表单，提交前请再核对一遍。',
  'overlay.atStake': '涉及金额：{amount}',

  // ── options page ───────────────────────────────────────────────────────────────────────
  'options.title': '结算卫士',
  'options.tab.import': '导入',
  'options.tab.contracts': '合同费率',
  'options.tab.findings': '异常发现',
  'options.tab.disputes': '申诉',
  'options.tab.sites': '网站',
  'options.tab.data': '数据',
  'options.tab.settings': '设置',

  // ── import ─────────────────────────────────────────────────────────────────────────────
  'import.title': '导入文件',
  'import.chooseFile': '选择文件：银行流水、收单对账单、收银系统导出或结算卫士 JSON',
  'import.dropHint': '或把文件拖到这里',
  'import.preview': '预览',
  'import.confirm': '确认导入',
  'import.format': '格式',
  'import.encoding': '编码',
  'import.kind.bank': '银行流水',
  'import.kind.acquirer': '收单对账单',
  'import.kind.cashier': '收银系统导出',
  'import.kind.settleguard': '结算卫士数据',
  'import.result': '{file}：格式 {format}，新增 {added} 行，已存在 {known} 行',
  'import.issues': '问题 {count} 个',
  'import.issueLine': '第 {line} 行：{message}',
  'import.failed': '无法读取 {file}：{message}',
  'import.history': '已导入的文件',
  'import.file': '文件',
  'import.account': '账户',
  'import.period': '期间',
  'import.rows': '行数',
  'import.notStored': '无法读取：不会保存任何内容',
  'import.contracts': '合同：{count}',

  // ── contracts ──────────────────────────────────────────────────────────────────────────
  'contracts.empty': '还没有费率合同。导入 SettleGuard JSON 格式的费率合同后即可核对手续费。',
  'contracts.cardType': '卡类型',
  'contracts.tier': '金额区间',
  'contracts.percent': '费率',
  'contracts.fixed': '固定费',
  'contracts.cap': '封顶',
  'contracts.instantFee': '秒到费',
  'contracts.anyCard': '任意卡',
  'contracts.periodicFees': '周期性费用',
  'contracts.preset': '从预设开始',
  'contracts.new': '新建合同',
  'contracts.label': '名称',
  'contracts.effectiveFrom': '生效日期',
  'contracts.effectiveTo': '失效日期',
  'contracts.settleCycle': '结算周期',
  'contracts.calendar': '工作日日历',
  'contracts.calendar.CN': '中国（含节假日与调休）',
  'contracts.calendar.weekdays': '工作日（周一至周五）',
  'contracts.chargebackFee': '拒付手续费',
  'contracts.minAmount': '金额大于',
  'contracts.maxAmount': '金额不超过',
  'contracts.minFee': '最低手续费',
  'contracts.addRule': '添加费率规则',
  'contracts.addPeriodicFee': '添加周期性费用',
  'contracts.every.month': '每月',
  'contracts.every.quarter': '每季度',
  'contracts.every.year': '每年',

  // ── data ───────────────────────────────────────────────────────────────────────────────
  'data.counts': '已保存：收单交易 {transactions} 笔，银行流水 {lines} 条，收银记录 {cashier} 条。',
  'data.exportBackup': '导出备份（SettleGuard JSON）',
  'data.clear': '删除全部数据',
  'data.clearConfirm': '删除结算卫士保存的全部交易、流水、合同、发现和申诉记录？',

  // ── findings list ──────────────────────────────────────────────────────────────────────
  'findings.title': '异常发现',
  'findings.kind': '异常类型',
  'findings.severity': '级别',
  'findings.atStake': '涉及金额',
  'findings.explanation': '原因',
  'findings.evidence': '证据',
  'findings.status': '状态',
  'findings.empty': '暂无发现。请先读取收单后台的交易表并导入银行流水。',
  'findings.status.open': '待处理',
  'findings.status.dismissed': '已忽略',
  'findings.status.disputed': '已申诉',
  'findings.status.resolved': '已解决',

  // ── disputes ───────────────────────────────────────────────────────────────────────────
  'dispute.title': '申诉',
  'dispute.letterLanguage': '申诉函语言',
  'dispute.subject': '标题',
  'dispute.text': '草稿',
  'dispute.template': '模板',
  'dispute.templateReset': '恢复默认模板',
  'dispute.templateUnknownPlaceholder': '未知的占位符：{name}',
  'dispute.ticketNo': '工单号',
  'dispute.sentOn': '提交日期',
  'dispute.recovered': '已追回',
  'dispute.claimed': '申请金额',
  'dispute.followUpOn': '{date} 跟进',
  'dispute.status.draft': '草稿',
  'dispute.status.sent': '已提交',
  'dispute.status.acknowledged': '已受理',
  'dispute.status.refunded_partial': '部分退款',
  'dispute.status.refunded_full': '已全额退款',
  'dispute.status.rejected': '被驳回',
  'dispute.step.first_contact': '通过后台或客服申诉',
  'dispute.step.written_complaint': '书面投诉',
  'dispute.step.regulator': '监管部门/行业协会',
  'dispute.empty': '还没有申诉。打开一条发现并点击“申诉”即可开始。',
  'dispute.markSent': '标记为已提交',
  'dispute.markAcknowledged': '收单机构已受理',
  'dispute.recordRefund': '登记退款',
  'dispute.rejectReason': '驳回理由',
  'dispute.markRejected': '已被驳回',
  'dispute.markEscalated': '标记升级投诉已提交',
  'dispute.badAmount': '“{amount}”不是金额（应为如 20.00）',
  'dispute.overdue': '已逾期',
  'dispute.next.send': '下一步：向收单机构提交申诉',
  'dispute.next.wait': '等待答复；{date} 跟进',
  'dispute.next.follow_up': '请立即跟进：自 {date} 起未获答复',
  'dispute.next.escalate': '升级投诉：收单机构驳回或未答复',
  'dispute.next.consider_legal': '各渠道均已用尽：可考虑仲裁、诉讼或法律咨询',
  'dispute.next.done': '已完成',
  'dispute.reminderTitle': '结算卫士：有申诉需要处理',
  'dispute.reminderBody': '{subject} — {next}',
  'popup.claimed': '申诉金额',
  'popup.recovered': '已追回',
  'settings.tolerances': '容差',
  'settings.tolerance.fee': '每项手续费容差',
  'settings.tolerance.settlement': '每个结算批次容差',
  'settings.tolerance.duplicateWindow': '重复扣款时间窗（有收银数据，秒）',
  'settings.tolerance.possibleDuplicateWindow': '疑似重复时间窗（秒）',
  'settings.tolerance.grace': '结算宽限（工作日）',
  'settings.extraHolidays': '额外非工作日（YYYY-MM-DD，逗号分隔）',

  // ── settings ───────────────────────────────────────────────────────────────────────────
  'settings.title': '设置',
  'settings.language': '语言',
  'settings.language.auto': '跟随浏览器',
  'settings.merchantName': '商户名称',
  'settings.merchantId': '商户号',
  'settings.contact': '联系人',
  'settings.phone': '联系电话',
  'settings.defaultCurrency': '默认币种',

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
  'finding.settlement_missing':
    '清算日 {settleDate} 的 {count} 笔交易应于 {expectedValueDate} 到账 {expected:money}，宽限期已过，银行流水中未见对应入账。',
  'finding.void_still_settled':
    '{amount:money} 的交易{#rrn}（参考号 {rrn}）{/rrn}已撤销或冲正{#voidOccurredAt}（{voidOccurredAt:datetime}）{/voidOccurredAt}，但仍被结算{#valueDate}（{valueDate} 银行入账）{/valueDate}。',
  'finding.refund_problem':
    '退货退款异常{#originalAmount}：原交易 {originalAmount:money}{/originalAmount}{#refundCount}，共 {refundCount} 笔退款合计 {refunded:money}，超出 {difference:money}{/refundCount}{#dueBy}：收银系统于 {cashierOccurredAt:datetime} 退款 {amount:money}，截至 {dueBy} 收单平台仍未处理{/dueBy}。',
  'finding.hidden_fee':
    '{date} 被扣收“{label}” {amount:money}，超出合同约定{#contractAmount}（合同约定每{every:period} {contractAmount:money}）{/contractAmount}，多收 {difference:money}。',
  'finding.unmatched_portal_sale':
    '收单平台在 {occurredAt:datetime} 有一笔 {amount:money} 的交易，收银记录前后 {windowMinutes} 分钟内没有对应记录。',
  'finding.missing_at_acquirer':
    '收银系统在 {occurredAt:datetime} 记录了一笔 {amount:money} 的刷卡收款{#orderNo}（订单号 {orderNo}）{/orderNo}，收单平台没有对应交易。',
  'finding.amount_mismatch':
    '{occurredAt:datetime} 的交易在收单平台为 {portalAmount:money}，收银记录为 {cashierAmount:money}，相差 {difference:money}。',
  'finding.status_mismatch':
    '{occurredAt:datetime} 的 {amount:money} 交易显示为“{status:status}”，但结算记录与之不符。',
  'finding.deposit_deducted':
    '{#settleDate}清算日 {settleDate} 的结算（应到 {expected:money}，实到 {received:money}）{/settleDate}被整额扣除 {difference:money}{#label}（{label}）{/label}，疑似押金或激活费。',
  'finding.chargeback_fee':
    '{txnDate} 被收取拒付/退单费 {fee:money}{#contractFee}（约定 {contractFee:money}）{/contractFee}，没有对应的拒付记录或超出约定，涉及 {difference:money}。',
  'finding.mcc_jump_risk':
    '{count} 笔银行卡交易的实际费率低至 {lowestRate:percent}，低于监管下限约 {floorRate:percent}，交易可能被跳码或经二清机构处理（风险提示，并非多扣款）。',
  'finding.fx_surcharge':
    '交易 {amount:money} 被收取跨境/汇率附加费 {fxFeeCharged:money}，但该卡{#cardCountry}（发卡地 {cardCountry}）{/cardCountry}为境内卡。',
};
