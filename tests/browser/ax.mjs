// Chromium's own accessibility tree (CDP Accessibility.getFullAXTree) as a small tree of
// { role, name, states, children }, and as text, one node a line: what the accessibility tests
// read and write to artifacts/.

// The AX nodes as a tree of { role, name, states, children }, dropping the ignored ones (their
// children move up, as assistive technology sees them).
export function axTree(nodes) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const build = (node) => {
    const kids = (node.childIds || []).map((id) => byId.get(id)).filter(Boolean).flatMap((child) => {
      const built = build(child);
      return child.ignored ? built.children : [built];
    });
    const states = (node.properties || []).filter((p) => ['checked', 'selected', 'disabled', 'expanded', 'modal',
      'focusable', 'live', 'focused'].includes(p.name) && p.value?.value !== false && p.value?.value !== 'false')
      .map((p) => (p.value?.value === true || p.value?.value === 'true' ? p.name : `${p.name}=${p.value?.value}`));
    return { role: node.role?.value, name: node.name?.value ?? '', states, children: kids };
  };
  return build(nodes.find((n) => !n.parentId));
}

export const find = (node, pred) => (pred(node) ? [node] : []).concat(...node.children.map((c) => find(c, pred)));
export const textOnly = (n) => n.role === 'StaticText' || n.role === 'InlineTextBox';
// One line per node: role "name" [states], and for a nameless node the text it reads out.
export const spoken = (node) => find(node, (n) => n.role === 'StaticText').map((n) => n.name).join(' ').trim();
// With `withText`, plain text a container holds beside other nodes (a dialog's paragraphs) shows too.
export const text = (node, depth = 0, withText = false) => [`${'  '.repeat(depth)}${node.role}${node.name ? ` "${node.name}"` : ''}` +
  `${node.states.length ? ` [${node.states.join(', ')}]` : ''}${!node.name && node.children.every(textOnly) && spoken(node) ? `: ${spoken(node)}` : ''}`,
...node.children.filter((c) => (withText && c.role === 'StaticText' && !node.children.every(textOnly)) || !textOnly(c))
  .map((c) => text(c, depth + 1, withText))].join('\n');

// The whole tree of the page, read through a CDP session of its context.
export async function pageTree(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return axTree(nodes);
}
