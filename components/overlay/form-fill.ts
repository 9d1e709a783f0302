// Complaint forms on the portal (DESIGN.md DOM contract): find the textarea a merchant describes
// the problem in, and fill it so the page's framework sees the change.

const COMPLAINT_LABEL = /问题描述|投诉内容|投诉描述|反馈|意见|申诉|留言|描述|description|message|complaint|feedback|details/i;

function labelTextOf(el: HTMLTextAreaElement): string {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  if (el.id) {
    for (const label of Array.from(doc.querySelectorAll('label'))) {
      if (label.htmlFor === el.id) parts.push(label.textContent ?? '');
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) parts.push(wrapping.textContent ?? '');
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) for (const id of labelledBy.split(/\s+/)) parts.push(doc.getElementById(id)?.textContent ?? '');
  parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.name ?? '');
  // form-item layouts (Element, Ant Design) put the label in a sibling of the control's wrapper
  const item = el.closest('.el-form-item, .ant-form-item, .layui-form-item, .form-group, .form-item, tr');
  const itemLabel = item?.querySelector('label, .el-form-item__label, .ant-form-item-label, th');
  if (itemLabel) parts.push(itemLabel.textContent ?? '');
  return parts.join(' ');
}

export function findComplaintTextareas(doc: Document): HTMLTextAreaElement[] {
  return Array.from(doc.querySelectorAll('textarea')).filter((el) => !el.disabled && !el.readOnly && COMPLAINT_LABEL.test(labelTextOf(el)));
}

/**
 * Sets the value through the prototype's setter and fires input/change, the events React and
 * Vue listen to. From the content script's isolated world, React's value tracker on the node
 * still holds the old value, so React sees a real change.
 */
export function fillTextarea(el: HTMLTextAreaElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  el.focus();
  if (setter) setter.call(el, text);
  else el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
