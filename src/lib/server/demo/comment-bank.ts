/**
 * The demo's bank of examiners' comments, by criterion and by level of the score, so that a strong
 * entry reads strong and a weak one reads weak. Levels: 0 for bands 0–2 (below 50), 1 for band 3
 * (50–65), 2 for bands 4–5 (70 and above). Invented, in the voice of the city's examiners.
 */
type Level = [string[], string[], string[]];

export const STRENGTHS: Record<string, Level> = {
	dialog: [
		[
			'Enheten har börjat samla in synpunkter via en enkät vid inskrivningen.',
			'Klagomål registreras och besvaras av enhetschefen.',
			'Brukarna tillfrågas muntligt om sin upplevelse vid uppföljningssamtal.',
			'En förslagslåda finns i entrén och töms varje vecka.'
		],
		[
			'Brukarråd träffas varje kvartal och synpunkterna förs in i verksamhetsplanen.',
			'Enheten svarar på klagomål inom tio arbetsdagar och följer upp svarstiden.',
			'Synpunkter sammanställs två gånger per år och diskuteras på arbetsplatsträffar.',
			'Återkopplingen till brukarna sker både muntligt och skriftligt.'
		],
		[
			'Brukarråd träffas varje månad och protokollen visar hur synpunkter lett till ändringar.',
			'Enheten svarar på alla klagomål inom fem arbetsdagar och redovisar vad de lett till.',
			'Brukare och anhöriga deltar i att utforma nya arbetssätt, till exempel de nya besökstiderna.',
			'Synpunkter analyseras per tema varje kvartal och trenden följs över flera år.'
		]
	],
	leadership: [
		[
			'Enhetschefen har tagit fram en verksamhetsplan med mål för året.',
			'Ledningsgruppen träffas varje vecka och har en stående punkt om kvalitet.',
			'Chefen är tillgänglig och känd av medarbetarna.',
			'Nämndens mål finns återgivna i enhetens verksamhetsplan.'
		],
		[
			'Chefen följer upp verksamhetsplanen vid återkommande dialogmöten.',
			'Ledningen bryter ned nämndens mål till mål för varje arbetslag.',
			'Ledningen efterfrågar förbättringsförslag och återkopplar vad som händer med dem.',
			'Ansvarsfördelningen mellan chef och samordnare är tydligt beskriven.'
		],
		[
			'Ledningen bryter ned nämndens mål till tydliga mål för varje arbetslag och följer upp dem varje månad.',
			'Ledarskapet utvärderas årligen med medarbetarnas hjälp och resultatet leder till konkreta åtgärder.',
			'Ledningen är synlig i vardagen och har byggt en kultur där förbättringsförslag välkomnas.',
			'Ledningen har en tydlig strategi för verksamhetens utveckling på tre års sikt.'
		]
	],
	staff: [
		[
			'Medarbetarsamtal hålls med alla medarbetare.',
			'Nyanställda får en introduktion under sina första veckor.',
			'Medarbetarenkätens resultat presenteras på en arbetsplatsträff.',
			'Arbetsplatsträffar hålls varje månad.'
		],
		[
			'Medarbetarna deltar i planeringsdagar där målen för året tas fram.',
			'Medarbetarenkätens resultat följs upp i varje arbetslag.',
			'Introduktionen av nyanställda följer en skriftlig plan med fadder.',
			'Medarbetarna har utbildats i enhetens kvalitetsarbete.'
		],
		[
			'Varje medarbetare har en individuell kompetensutvecklingsplan kopplad till enhetens mål.',
			'Medarbetarna driver egna förbättringsprojekt och redovisar dem för hela enheten.',
			'Sjukfrånvaron har minskat tre år i rad efter ett riktat arbete med arbetsmiljön.',
			'Medarbetarenkätens index ligger klart över stadens genomsnitt och analyseras per arbetslag.'
		]
	],
	followup: [
		[
			'Enheten följer upp budgeten varje månad.',
			'Avvikelser rapporteras i stadens system.',
			'Några nyckeltal redovisas i verksamhetsberättelsen.',
			'Enheten har börjat mäta väntetider.'
		],
		[
			'Avvikelser sammanställs och analyseras kvartalsvis.',
			'Nyckeltal följs upp i ledningsgruppen varje månad.',
			'Enheten använder stadens brukarundersökning som underlag för förbättringar.',
			'Uppföljningen av verksamhetsplanen sker i tertialrapporterna med kommentarer.'
		],
		[
			'Nyckeltal följs upp varje månad och analyseras tillsammans med medarbetarna.',
			'Analysen av avvikelser går till grundorsaken och leder till ändrade rutiner.',
			'Enheten visar tydligt hur analysen av resultaten styr nästa års prioriteringar.',
			'Uppföljningen kombinerar statistik med brukarintervjuer och ger en samlad bild.'
		]
	],
	learning: [
		[
			'Enheten har deltagit i stadens nätverk för verksamheter av samma slag.',
			'Medarbetare har gått på stadens kvalitetsmässa.',
			'Enheten har tagit emot ett studiebesök.',
			'Goda exempel från andra enheter har lyfts på arbetsplatsträffar.'
		],
		[
			'Enheten har studiebesökt två jämförbara verksamheter och infört ett av deras arbetssätt.',
			'Enheten jämför sina resultat med stadens genomsnitt.',
			'Erfarenheter från förbättringsarbetet delas i stadens nätverk.',
			'Enheten har en rutin för att sprida lärdomar mellan arbetslagen.'
		],
		[
			'Enheten jämför sig systematiskt med de bästa i landet och har anpassat deras arbetssätt.',
			'Enhetens arbetssätt har spridits till flera andra verksamheter i staden.',
			'Goda exempel delas på stadens kvalitetsmässa och i nationella nätverk.',
			'Lärdomar från varje förbättringsprojekt dokumenteras och används i nästa.'
		]
	],
	results: [
		[
			'Enheten har hållit budget det senaste året.',
			'Brukarnöjdheten mäts och redovisas för det senaste året.',
			'Några av nämndens mål är uppfyllda.',
			'Enheten har resultat för sina viktigaste mål.'
		],
		[
			'Brukarnöjdheten ligger i nivå med stadens genomsnitt och har förbättrats.',
			'Enheten har hållit budget de senaste två åren.',
			'Måluppfyllelsen för nämndens mål är god.',
			'Resultaten redovisas för tre år, med en positiv trend för de flesta.'
		],
		[
			'Brukarnöjdheten har ökat tre år i rad och ligger klart över stadens snitt.',
			'Enheten har hållit budget de senaste fem åren med god marginal.',
			'Måluppfyllelsen för nämndens mål är hög och stabil över tid.',
			'Resultaten står sig väl i jämförelse med de bästa verksamheterna i landet.'
		]
	],
	equality: [
		[
			'Enheten har börjat föra statistik uppdelad på kön.',
			'Jämställdhet finns med som ett mål i verksamhetsplanen.',
			'Medarbetarna har deltagit i stadens utbildning om jämställdhetsintegrering.',
			'Brukarundersökningens svar kan delas upp på kön.'
		],
		[
			'Resultaten redovisas uppdelade på kön.',
			'Enheten har genomfört en jämställdhetsanalys av sina insatser.',
			'Skillnader mellan kvinnors och mäns nöjdhet följs upp varje år.',
			'Jämställdhet är en stående punkt i ledningsgruppens uppföljning.'
		],
		[
			'Jämställdhetsanalysen har lett till ändrade arbetssätt och skillnaderna har minskat.',
			'Könsuppdelade resultat analyseras i varje uppföljning och styr prioriteringarna.',
			'Enheten visar hur insatserna fördelas lika oavsett kön och följer det över tid.',
			'Arbetet med jämställdhet är integrerat i hela ledningssystemet.'
		]
	]
};

export const IMPROVEMENTS: Record<string, Level> = {
	dialog: [
		[
			'Det saknas ett systematiskt sätt att ta emot och analysera synpunkter.',
			'Det framgår inte hur brukarna får veta vad deras synpunkter lett till.',
			'Brukarnas delaktighet i utvecklingen av verksamheten är begränsad.',
			'Anhörigas synpunkter samlas inte in.'
		],
		[
			'Det framgår inte hur synpunkter från anhöriga tas tillvara.',
			'Återkopplingen till dem som lämnat synpunkter kan bli mer systematisk.',
			'Synpunkterna kan analyseras över tid för att se mönster.',
			'Det är oklart hur brukare med annat språk än svenska kommer till tals.'
		],
		[
			'Enheten kan visa tydligare hur brukarrådets förslag prioriteras mot varandra.',
			'Dialogen med anhöriga kan utvecklas i samma riktning som med brukarna.',
			'Effekten av förändringarna kan följas upp med brukarna efteråt.',
			'Arbetssättet kan beskrivas så att andra enheter kan ta efter det.'
		]
	],
	leadership: [
		[
			'Kopplingen mellan nämndens mål och enhetens aktiviteter saknas.',
			'Det är oklart hur ledningen följer upp att planerna genomförs.',
			'Ansvaret för kvalitetsarbetet ligger på chefen ensam.',
			'Verksamhetsplanen är inte känd av medarbetarna.'
		],
		[
			'Det är oklart hur ledningen utvärderar sitt eget ledarskap.',
			'Kopplingen mellan mål och aktiviteter kan tydliggöras.',
			'Uppföljningen av målen kan ske oftare än i tertialrapporterna.',
			'Ledningen kan beskriva hur prioriteringar görs när resurserna inte räcker.'
		],
		[
			'Ledningen kan tydligare visa hur långsiktiga risker hanteras.',
			'Strategin kan förankras ännu bättre hos nyanställda.',
			'Utvärderingen av ledarskapet kan kompletteras med brukarnas perspektiv.',
			'Ledningen kan dela sitt arbetssätt mer med andra chefer i förvaltningen.'
		]
	],
	staff: [
		[
			'Medarbetarnas delaktighet i planeringen framgår inte.',
			'Det saknas en plan för kompetensutveckling.',
			'Resultaten från medarbetarenkäten leder inte till åtgärder.',
			'Introduktionen av nyanställda är inte beskriven.'
		],
		[
			'Det saknas uppföljning av om kompetensutvecklingen ger effekt.',
			'Delaktigheten varierar mellan arbetslagen.',
			'Det framgår inte hur medarbetarnas förbättringsförslag tas om hand.',
			'Arbetet med arbetsmiljön kan kopplas tydligare till verksamhetens mål.'
		],
		[
			'Effekten av kompetensutvecklingen kan mätas tydligare.',
			'Timanställda kan involveras mer i förbättringsarbetet.',
			'Medarbetarnas egna projekt kan följas upp över längre tid.',
			'Arbetssättet kan dokumenteras så att det står sig vid chefsbyten.'
		]
	],
	followup: [
		[
			'Uppföljningen stannar vid budgeten; verksamhetens kvalitet mäts sällan.',
			'Avvikelser sammanställs inte och analyseras inte.',
			'Det saknas mått för de viktigaste målen.',
			'Resultaten används inte för att planera nästa år.'
		],
		[
			'Analysen stannar ofta vid beskrivning; orsakerna till avvikelser framgår sällan.',
			'Trender över flera år redovisas inte.',
			'Det framgår inte hur uppföljningen leder till beslut om förbättringar.',
			'Nyckeltalen kan kompletteras med mått på brukarnas upplevelse.'
		],
		[
			'Analysen kan i högre grad jämföra med andra verksamheter.',
			'Uppföljningen kan visa sambanden mellan insatser och resultat tydligare.',
			'Mått på effekterna för brukarna kan utvecklas vidare.',
			'Enheten kan visa hur den prioriterar bland många goda förbättringsförslag.'
		]
	],
	learning: [
		[
			'Jämförelser med andra verksamheter görs inte.',
			'Det framgår inte hur lärdomar sprids inom enheten.',
			'Enheten tar inte del av goda exempel från andra.',
			'Förbättringsarbetet dokumenteras inte.'
		],
		[
			'Jämförelser med andra verksamheter görs sällan systematiskt.',
			'Det framgår inte hur lärdomar sprids inom enheten.',
			'Enheten kan dela sina egna goda exempel mer utanför förvaltningen.',
			'Studiebesöken kan följas upp med vad de faktiskt lett till.'
		],
		[
			'Enheten kan jämföra sig med verksamheter utanför Sverige.',
			'Lärandet kan systematiseras ytterligare genom gemensamma utvärderingar.',
			'Spridningen av arbetssätten kan följas upp hos dem som tagit efter.',
			'Forskning på området kan användas mer i utvecklingsarbetet.'
		]
	],
	results: [
		[
			'Resultat för flera viktiga mål saknas eller redovisas bara för ett år.',
			'Jämförelser med andra saknas för brukarresultaten.',
			'Budgeten har inte hållits och en plan för att komma i balans saknas.',
			'Resultaten visar ingen tydlig förbättring.'
		],
		[
			'Jämförelser med andra saknas för brukarresultaten.',
			'Trenderna är ojämna och orsakerna framgår inte.',
			'Resultat för några av nämndens mål redovisas inte.',
			'Resultaten kan redovisas för fler år för att visa hållbarhet.'
		],
		[
			'Resultaten för de minst nöjda brukargrupperna kan redovisas tydligare.',
			'Jämförelser kan göras med fler verksamheter av samma slag.',
			'Kopplingen mellan resultat och kostnader kan visas.',
			'Enheten kan visa vilka resultat som är svårast att hålla och varför.'
		]
	],
	equality: [
		[
			'Könsuppdelad statistik saknas.',
			'Jämställdhet nämns men arbetet är inte beskrivet.',
			'Det saknas en analys av om insatserna fördelas lika.',
			'Jämställdhet finns inte med i uppföljningen.'
		],
		[
			'Könsuppdelad statistik analyseras inte.',
			'Det saknas åtgärder utifrån jämställdhetsanalysen.',
			'Det framgår inte hur analysen förankras hos medarbetarna.',
			'Uppföljningen av åtgärderna kan bli mer regelbunden.'
		],
		[
			'Analysen kan utvidgas till fler grunder än kön.',
			'Effekterna för brukarna kan beskrivas tydligare.',
			'Arbetssättet kan spridas till andra enheter.',
			'Enheten kan jämföra sina jämställdhetsresultat med andra.'
		]
	]
};

/** What a criterion is about, as a summary names it. */
export const AREAS: Record<string, string> = {
	dialog: 'dialogen med stockholmarna',
	leadership: 'ledarskapet',
	staff: 'medarbetarskapet',
	followup: 'uppföljningen och analysen',
	learning: 'lärandet från andra',
	results: 'resultaten',
	equality: 'jämställdhetsarbetet'
};

/** Summaries by level of the total; {unit}, {best} and {weakest} are filled in. */
export const SUMMARIES: Level = [
	[
		'{unit} har tagit de första stegen mot ett systematiskt kvalitetsarbete. Starkast är {best}; mest återstår inom {weakest}, där arbetssätt och uppföljning ännu saknas.',
		'{unit} har engagerade medarbetare men arbetet vilar på enskilda personer. {best} är på väg; {weakest} behöver ett tydligt arbetssätt och mått.',
		'{unit} beskriver många aktiviteter men få samband mellan mål, insatser och resultat. Bäst utvecklat är {best}; svagast {weakest}.'
	],
	[
		'{unit} har ett fungerande kvalitetsarbete med tydlig koppling till nämndens mål. {best} är en styrka; {weakest} kan utvecklas med bättre analys.',
		'{unit} visar ett växande systematiskt arbete där flera arbetssätt är på plats. Starkast är {best}; störst förbättringspotential finns inom {weakest}.',
		'{unit} har goda arbetssätt som ännu inte är spridda i hela enheten. {best} håller god nivå; {weakest} behöver följas upp över tid.'
	],
	[
		'{unit} visar ett väl utvecklat, systematiskt kvalitetsarbete där brukarnas synpunkter driver förbättringarna. Särskilt starkt är {best}; även {weakest} håller god nivå.',
		'{unit} är ett föredöme i staden: mål, uppföljning och lärande hänger ihop och resultaten håller hög nivå. {best} sticker ut; {weakest} kan bli ännu bättre.',
		'{unit} har ett moget kvalitetsarbete som är förankrat hos medarbetarna. {best} är enastående; inom {weakest} finns ännu något att hämta.'
	]
];

/** Site-visit findings by level of the total. */
export const FINDINGS: Level = [
	[
		'Besöket visade att arbetssätten i redovisningen ännu inte är kända av alla medarbetare. Chefen beskrev en tydlig vilja att utveckla arbetet.',
		'Medarbetarna gav en mer splittrad bild än redovisningen. Flera rutiner finns på papper men används olika i arbetslagen.',
		'Besöket bekräftade att arbetet är i ett tidigt skede. Brukarna vi mötte var nöjda men kände inte till hur synpunkter tas om hand.'
	],
	[
		'Besöket bekräftade bilden i den skriftliga redovisningen. Medarbetarna beskrev arbetssätten på samma sätt som ledningen.',
		'Vid besöket visade arbetslagen sina uppföljningstavlor. Arbetet är väl förankrat i två av tre arbetslag.',
		'Ledningen och medarbetarna gav en samstämmig bild. Brukarrådets representanter bekräftade att de får återkoppling.'
	],
	[
		'Besöket överträffade redovisningen: medarbetarna berättade självmant om förbättringar de drivit, och brukarna kände igen dem.',
		'Vi såg ett arbetssätt som sitter i väggarna. Nyanställda beskrev introduktionen och målen lika tydligt som ledningen.',
		'Vid besöket visade enheten hur ett förbättringsförslag från en brukare blev en ny rutin på tre veckor. Bilden av ett moget arbete bekräftades.'
	]
];
