import { localizePage } from './localizedPages';

const texts = { 'chat.title': 'Tom & "Jerry" <b>', 'chat.hint': 'Choose **Allow**', 'chat.end': '</script><!--' };

test('a text is escaped as HTML, and **bold** is the only markup a translation can add', () => {
  expect(localizePage('<html lang="{{lang}}"><title>{{chat.title}}</title><p>{{ chat.hint }}</p>', 'pt-BR', texts)).toBe(
    '<html lang="pt-BR"><title>Tom &#38; &#34;Jerry&#34; &#60;b&#62;</title><p>Choose <strong>Allow</strong></p>',
  );
});

test('the texts a script reads are JSON that can\'t close its <script> element', () => {
  const html = localizePage('<script type="application/json">{{json chat}}</script>', 'en', texts);
  expect(html).not.toContain('</script><!--</script>');
  const json = /<script type="application\/json">(.*)<\/script>/s.exec(html)![1]!;
  expect(JSON.parse(json)).toEqual({ title: 'Tom & "Jerry" <b>', hint: 'Choose **Allow**', end: '</script><!--' });
});

test('a template naming a text page.yaml doesn\'t have fails at start-up, not on a candidate\'s screen', () => {
  expect(() => localizePage('{{chat.missing}}', 'en', texts)).toThrow(/"chat\.missing", which flows\/page\.yaml doesn't have/);
  expect(() => localizePage('{{json nothing}}', 'en', texts)).toThrow(/"nothing\."/);
});

test('a page names its scripts and styles, and one that isn\'t served fails at start-up', () => {
  const urls: Record<string, string> = { 'chat.js': '/assets/abc/chat.js' };
  expect(localizePage('<script src="{{asset chat.js}}" defer></script>', 'en', texts, (name) => urls[name])).toBe('<script src="/assets/abc/chat.js" defer></script>');
  expect(() => localizePage('<script src="{{asset webchat.js}}"></script>', 'en', texts, (name) => urls[name])).toThrow(/the asset "webchat\.js", which isn't in PAGE_ASSETS/);
});
