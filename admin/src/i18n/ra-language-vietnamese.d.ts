// ra-language-vietnamese 3.0.1 ships no types.
declare module 'ra-language-vietnamese' {
  import type { TranslationMessages } from 'react-admin';
  const messages: TranslationMessages;
  export default messages;
}
