// Every string that reaches the page from the results (error texts come straight from a server,
// project ids and URLs from the operator) goes through here, in text and in attribute values.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Makes text safe to place inside HTML or SVG elements and quoted attributes.
 *
 * @example
 * escapeHtml('<b onclick="x">'); // => '&lt;b onclick=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
