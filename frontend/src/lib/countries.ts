/**
 * ISO 3166-1 countries: alpha-2 (addresses), alpha-3 (passports) and the E.164 calling code, with
 * names in the reader's language from `Intl.DisplayNames`. The table comes from Debian's iso-codes
 * (`iso_3166-1.json`, the same source as the server's `domain::country`), packed as
 * `<alpha-2><alpha-3><calling code>` entries to keep the bundle small.
 */
export type Country = { alpha2: string; alpha3: string; callingCode: string };

const packed =
  'ADAND376,AEARE971,AFAFG93,AGATG1,AIAIA1,ALALB355,AMARM374,AOAGO244,AQATA672,ARARG54,ASASM1,ATAUT43,AUAUS61,AWABW297,AXALA358,AZAZE994,BABIH387,BBBRB1,BDBGD880,BEBEL32,BFBFA226,BGBGR359,BHBHR973,BIBDI257,BJBEN229,BLBLM590,BMBMU1,BNBRN673,BOBOL591,BQBES599,BRBRA55,BSBHS1,BTBTN975,BVBVT47,BWBWA267,BYBLR375,BZBLZ501,CACAN1,CCCCK61,CDCOD243,CFCAF236,CGCOG242,CHCHE41,CICIV225,CKCOK682,CLCHL56,CMCMR237,CNCHN86,COCOL57,CRCRI506,CUCUB53,CVCPV238,CWCUW599,CXCXR61,CYCYP357,CZCZE420,DEDEU49,DJDJI253,DKDNK45,DMDMA1,DODOM1,DZDZA213,ECECU593,EEEST372,EGEGY20,EHESH212,ERERI291,ESESP34,ETETH251,FIFIN358,FJFJI679,FKFLK500,FMFSM691,FOFRO298,FRFRA33,GAGAB241,GBGBR44,GDGRD1,GEGEO995,GFGUF594,GGGGY44,GHGHA233,GIGIB350,GLGRL299,GMGMB220,GNGIN224,GPGLP590,GQGNQ240,GRGRC30,GSSGS500,GTGTM502,GUGUM1,GWGNB245,GYGUY592,HKHKG852,HMHMD672,HNHND504,HRHRV385,HTHTI509,HUHUN36,IDIDN62,IEIRL353,ILISR972,IMIMN44,ININD91,IOIOT246,IQIRQ964,IRIRN98,ISISL354,ITITA39,JEJEY44,JMJAM1,JOJOR962,JPJPN81,KEKEN254,KGKGZ996,KHKHM855,KIKIR686,KMCOM269,KNKNA1,KPPRK850,KRKOR82,KWKWT965,KYCYM1,KZKAZ7,LALAO856,LBLBN961,LCLCA1,LILIE423,LKLKA94,LRLBR231,LSLSO266,LTLTU370,LULUX352,LVLVA371,LYLBY218,MAMAR212,MCMCO377,MDMDA373,MEMNE382,MFMAF590,MGMDG261,MHMHL692,MKMKD389,MLMLI223,MMMMR95,MNMNG976,MOMAC853,MPMNP1,MQMTQ596,MRMRT222,MSMSR1,MTMLT356,MUMUS230,MVMDV960,MWMWI265,MXMEX52,MYMYS60,MZMOZ258,NANAM264,NCNCL687,NENER227,NFNFK672,NGNGA234,NINIC505,NLNLD31,NONOR47,NPNPL977,NRNRU674,NUNIU683,NZNZL64,OMOMN968,PAPAN507,PEPER51,PFPYF689,PGPNG675,PHPHL63,PKPAK92,PLPOL48,PMSPM508,PNPCN64,PRPRI1,PSPSE970,PTPRT351,PWPLW680,PYPRY595,QAQAT974,REREU262,ROROU40,RSSRB381,RURUS7,RWRWA250,SASAU966,SBSLB677,SCSYC248,SDSDN249,SESWE46,SGSGP65,SHSHN290,SISVN386,SJSJM47,SKSVK421,SLSLE232,SMSMR378,SNSEN221,SOSOM252,SRSUR597,SSSSD211,STSTP239,SVSLV503,SXSXM1,SYSYR963,SZSWZ268,TCTCA1,TDTCD235,TFATF262,TGTGO228,THTHA66,TJTJK992,TKTKL690,TLTLS670,TMTKM993,TNTUN216,TOTON676,TRTUR90,TTTTO1,TVTUV688,TWTWN886,TZTZA255,UAUKR380,UGUGA256,UMUMI1,USUSA1,UYURY598,UZUZB998,VAVAT39,VCVCT1,VEVEN58,VGVGB1,VIVIR1,VNVNM84,VUVUT678,WFWLF681,WSWSM685,YEYEM967,YTMYT262,ZAZAF27,ZMZMB260,ZWZWE263';

export const countries: readonly Country[] = packed.split(',').map((entry) => ({
  alpha2: entry.slice(0, 2),
  alpha3: entry.slice(2, 5),
  callingCode: entry.slice(5),
}));

const byAlpha2 = new Map(countries.map((country) => [country.alpha2, country]));
const byAlpha3 = new Map(countries.map((country) => [country.alpha3, country]));

export function countryByAlpha2(code: string): Country | undefined {
  return byAlpha2.get(code.trim().toUpperCase());
}

export function countryByAlpha3(code: string): Country | undefined {
  return byAlpha3.get(code.trim().toUpperCase());
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesFor(language: string): Intl.DisplayNames | null {
  let names = displayNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    displayNames.set(language, names);
  }
  return names;
}

/** The country's name in `language`, e.g. `PL` → "Polen" in Swedish; the code itself if unknown. */
export function countryName(alpha2: string, language: string): string {
  return namesFor(language)?.of(alpha2) ?? alpha2;
}

/** Every country with its name in `language`, sorted by that name the way that language sorts. */
export function countriesByName(language: string): (Country & { name: string })[] {
  const collator = new Intl.Collator(language);
  return countries
    .map((country) => ({ ...country, name: countryName(country.alpha2, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
