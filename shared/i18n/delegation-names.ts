/**
 * Delegation names in the interface language. A delegation that is a State maps to its ISO
 * 3166-1 alpha-2 code, whose name the platform's CLDR data gives (Intl.DisplayNames, no
 * dependency); where the United Nations' own name differs from CLDR's short name ("Fédération
 * de Russie", not "Russie"; "Saint-Siège", not "État de la Cité du Vatican"), and for groups and
 * organizations, the 'delegations' catalogue has the name. The English names are the list's
 * (seeds/delegations.json), the UN's short names.
 */

// Alpha-3 code (the list's) followed by alpha-2 code (CLDR's), one pair per Member or observer State.
const pairs = 'AFGAF ALBAL DZADZ ANDAD AGOAO ATGAG ARGAR ARMAM AUSAU AUTAT AZEAZ BHSBS BHRBH BGDBD BRBBB BLRBY BELBE BLZBZ BENBJ BTNBT BOLBO BIHBA BWABW BRABR BRNBN BGRBG BFABF BDIBI CPVCV KHMKH CMRCM CANCA CAFCF TCDTD CHLCL CHNCN COLCO COMKM COGCG CRICR CIVCI HRVHR CUBCU CYPCY CZECZ PRKKP CODCD DNKDK DJIDJ DMADM DOMDO ECUEC EGYEG SLVSV GNQGQ ERIER ESTEE SWZSZ ETHET FJIFJ FINFI FRAFR GABGA GMBGM GEOGE DEUDE GHAGH GRCGR GRDGD GTMGT GINGN GNBGW GUYGY HTIHT HNDHN HUNHU ISLIS INDIN IDNID IRNIR IRQIQ IRLIE ISRIL ITAIT JAMJM JPNJP JORJO KAZKZ KENKE KIRKI KWTKW KGZKG LAOLA LVALV LBNLB LSOLS LBRLR LBYLY LIELI LTULT LUXLU MDGMG MWIMW MYSMY MDVMV MLIML MLTMT MHLMH MRTMR MUSMU MEXMX FSMFM MCOMC MNGMN MNEME MARMA MOZMZ MMRMM NAMNA NRUNR NPLNP NLDNL NZLNZ NICNI NERNE NGANG MKDMK NORNO OMNOM PAKPK PLWPW PANPA PNGPG PRYPY PERPE PHLPH POLPL PRTPT QATQA KORKR MDAMD ROURO RUSRU RWARW KNAKN LCALC VCTVC WSMWS SMRSM STPST SAUSA SENSN SRBRS SYCSC SLESL SGPSG SVKSK SVNSI SLBSB SOMSO ZAFZA SSDSS ESPES LKALK SDNSD SURSR SWESE CHECH SYRSY TJKTJ THATH TLSTL TGOTG TONTO TTOTT TUNTN TURTR TKMTM TUVTV UGAUG UKRUA AREAE GBRGB TZATZ USAUS URYUY UZBUZ VUTVU VENVE VNMVN YEMYE ZMBZM ZWEZW VATVA PSEPS';

const alpha2 = new Map<string, string>();
for (const pair of pairs.split(' ')) alpha2.set(pair.slice(0, 3), pair.slice(3));

/** The ISO 3166-1 alpha-2 code of the State with list code `code` (ISO alpha-3), or undefined for a group or an organization. */
export function isoAlpha2(code: string): string | undefined {
  return alpha2.get(code);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * The CLDR name of the State with list code `code` in `language` ("Allemagne" for DEU in
 * French), or undefined when `code` is no State's or the platform has no such name.
 */
export function countryName(code: string, language: string): string | undefined {
  const region = alpha2.get(code);
  if (!region) return undefined;
  if (!displayNames.has(language)) {
    try {
      displayNames.set(language, new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(language, null);
    }
  }
  const name = displayNames.get(language)?.of(region);
  return name && name !== region ? name : undefined;
}
