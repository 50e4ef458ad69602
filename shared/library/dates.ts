/**
 * Dates of library documents as days (YYYY-MM-DD) for ranking by recency. Documents print
 * their date in their language ("14 January 2020", "8 janvier 2020", "19 de diciembre de
 * 2019", "2019年12月19日", "2020-01-14"); what cannot be read exactly falls back to the
 * year alone (1 July of it), and without a year to the session in a General Assembly
 * symbol (A/RES/74/265: session 74 ends in 1946 + 74 = 2020).
 */

const months: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['january', 'janvier', 'enero', 'января', 'январь', 'يناير', 'كانون الثاني'],
    ['february', 'février', 'fevrier', 'febrero', 'февраля', 'февраль', 'فبراير', 'شباط'],
    ['march', 'mars', 'marzo', 'марта', 'март', 'مارس', 'آذار'],
    ['april', 'avril', 'abril', 'апреля', 'апрель', 'أبريل', 'نيسان'],
    ['may', 'mai', 'mayo', 'мая', 'май', 'مايو', 'أيار'],
    ['june', 'juin', 'junio', 'июня', 'июнь', 'يونيه', 'يونيو', 'حزيران'],
    ['july', 'juillet', 'julio', 'июля', 'июль', 'يوليه', 'يوليو', 'تموز'],
    ['august', 'août', 'aout', 'agosto', 'августа', 'август', 'أغسطس', 'آب'],
    ['september', 'septembre', 'septiembre', 'setiembre', 'сентября', 'сентябрь', 'سبتمبر', 'أيلول'],
    ['october', 'octobre', 'octubre', 'октября', 'октябрь', 'أكتوبر', 'تشرين الأول'],
    ['november', 'novembre', 'noviembre', 'ноября', 'ноябрь', 'نوفمبر', 'تشرين الثاني'],
    ['december', 'décembre', 'decembre', 'diciembre', 'декабря', 'декабрь', 'ديسمبر', 'كانون الأول'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

/**
 * The day of a printed `date` as YYYY-MM-DD, or of its year ('YYYY-07-01'), or of the
 * General Assembly session in `symbol` ('A/RES/74/…' -> '2020-07-01'); '' when none tells.
 */
export function dayOf(date: string, symbol = ''): string {
  const text = date.normalize('NFC').toLowerCase();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (cjk) return day(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
  const year = /\b(19\d\d|20\d\d|21\d\d)\b/.exec(text);
  if (year) {
    const dayNumber = /\b(\d{1,2})\b/.exec(text.slice(0, year.index));
    const month = Object.keys(months).find((m) => text.includes(m));
    if (dayNumber && month) return day(Number(year[1]), months[month]!, Number(dayNumber[1]));
    return `${year[1]}-07-01`;
  }
  const session = /^A\/(?:RES\/)?(\d{1,3})\//.exec(symbol.trim());
  if (session) return `${1946 + Number(session[1])}-07-01`;
  return '';
}

function day(y: number, m: number, d: number): string {
  if (m < 1 || m > 12 || d < 1 || d > 31) return `${y}-07-01`;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
