/**
 * Calendar helpers for the citation rule: month names (English, French, Spanish), days in
 * a month and the UN way of writing a date in English ("25 September 2015").
 */
import type { StyleLanguage } from './types.js';

/** English month names, January first. */
export const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Month names by language (lower case for French and Spanish, as they are written). */
export const monthNames: Readonly<Partial<Record<StyleLanguage, readonly string[]>>> = {
  en: englishMonths,
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/** English abbreviations people type ("Sept.", "Oct"), mapped to the month number (1-12). */
export const englishAbbreviations: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * The number of days of `month` (1-12); February has 29 when `year` is undefined (a date
 * written without its year may be a leap day) or a leap year.
 */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when day/month(/year) is a calendar date (month 1-12, day 1..daysInMonth). */
export function isValidDate(day: number, month: number, year?: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** The English UN form of a date: "25 September 2015" (month 1-12). */
export function formatEnglishDate(day: number, month: number, year: number): string {
  return `${day} ${englishMonths[month - 1] ?? ''} ${year}`;
}

/** The month number (1-12) of an English month name in any case, or 0. */
export function englishMonthNumber(name: string): number {
  const lower = name.toLowerCase();
  return englishMonths.findIndex((m) => m.toLowerCase() === lower) + 1;
}
