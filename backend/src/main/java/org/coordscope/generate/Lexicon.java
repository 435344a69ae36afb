package org.coordscope.generate;

/**
 * The fixed word stock of generated worlds: names, places, bios, clients, news domains and the parts that
 * texts are assembled from. Everything random is drawn from these lists by seeded generators, so the
 * lists must never be reordered without expecting different (still deterministic) worlds.
 */
final class Lexicon {

    private Lexicon() {}

    private static String[] words(String s) {
        return s.trim().split("\\s*\\|\\s*");
    }

    static final String[] FIRST_NAMES = words("""
            James|Mary|John|Patricia|Robert|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard|Susan|
            Joseph|Jessica|Thomas|Sarah|Chris|Karen|Daniel|Lisa|Matthew|Nancy|Anthony|Betty|Mark|Sandra|Paul|Ashley|
            Steven|Kimberly|Andrew|Emily|Josh|Donna|Kevin|Michelle|Brian|Carol|George|Amanda|Tim|Melissa|Jason|
            Deborah|Ryan|Stephanie|Jacob|Rebecca|Gary|Sharon|Nicholas|Laura|Eric|Cynthia|Jonathan|Amy|Larry|Angela|
            Justin|Anna|Scott|Brenda|Brandon|Emma|Ben|Olivia|Samuel|Sophia|Gregory|Ava|Alex|Isabella|Patrick|Mia|
            Jack|Chloe|Dennis|Grace|Jerry|Zoe|Tyler|Lily|Aaron|Hannah|Jose|Maria|Carlos|Lucia|Diego|Sofia|Luis|
            Camila|Miguel|Valentina|Ahmed|Fatima|Omar|Aisha|Ali|Leila|Yusuf|Amina|Chen|Mei|Wei|Li|Hiroshi|Yuki|
            Kenji|Sakura|Raj|Priya|Arjun|Ananya|Vikram|Deepa|Kwame|Ama|Chidi|Ngozi|Tunde|Zainab|Ivan|Olga|Dmitri|
            Natasha|Sergei|Elena|Lukas|Hanna|Jonas|Lea|Mateo|Ines|Hugo|Clara|Noah|Elif|Emre|Zeynep|Tariq|Nadia|
            Kofi|Abena|Pedro|Beatriz|Rafael|Mariana|Andre|Julia|Sam|Jordan|Taylor|Casey|Riley|Morgan|Jamie|Quinn|
            Avery|Dakota|Reese|Rowan""");

    static final String[] LAST_NAMES = words("""
            Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|
            Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|Harris|Sanchez|Clark|
            Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres|Nguyen|Hill|Flores|Green|Adams|
            Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter|Roberts|Gomez|Phillips|Evans|Turner|Diaz|Parker|
            Cruz|Edwards|Collins|Reyes|Stewart|Morris|Morales|Murphy|Cook|Rogers|Gutierrez|Ortiz|Morgan|Cooper|
            Peterson|Bailey|Reed|Kelly|Howard|Ramos|Kim|Cox|Ward|Richardson|Watson|Brooks|Chavez|Wood|James|
            Bennett|Gray|Mendoza|Ruiz|Hughes|Price|Alvarez|Castillo|Sanders|Patel|Myers|Long|Ross|Foster|Jimenez|
            Okafor|Mensah|Adeyemi|Osei|Khan|Hussain|Rahman|Haddad|Nasser|Yilmaz|Kaya|Demir|Ivanov|Petrov|Sokolova|
            Novak|Kowalski|Nowak|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Dubois|Moreau|Laurent|Rossi|
            Russo|Ferrari|Esposito|Bianchi|Silva|Santos|Oliveira|Costa|Pereira|Tanaka|Suzuki|Sato|Watanabe|Wang|
            Zhang|Liu|Chen|Yang|Huang|Singh|Kumar|Sharma|Gupta|Das|Mehta""");

    static final String[] LOCATIONS = words("""
            London, England|Manchester, England|New York, NY|Los Angeles, CA|Chicago, IL|Houston, TX|
            Phoenix, AZ|Philadelphia, PA|San Antonio, TX|San Diego, CA|Dallas, TX|Austin, TX|Seattle, WA|
            Denver, CO|Boston, MA|Atlanta, GA|Miami, FL|Portland, OR|Toronto, Ontario|Vancouver, BC|Sydney, Australia|
            Melbourne, Victoria|Dublin, Ireland|Glasgow, Scotland|Lagos, Nigeria|Nairobi, Kenya|Accra, Ghana|
            Johannesburg, South Africa|Cairo, Egypt|Mumbai, India|New Delhi, India|Bengaluru, India|Karachi, Pakistan|
            Dhaka, Bangladesh|Manila, Philippines|Jakarta, Indonesia|Singapore|Tokyo, Japan|Seoul, Korea|
            Paris, France|Berlin, Germany|Madrid, Spain|Barcelona|Rome, Italy|Lisbon, Portugal|Amsterdam|
            Istanbul|Moscow|Kyiv|Warsaw, Poland|Mexico City|Bogotá, Colombia|Lima, Peru|São Paulo, Brasil|
            Buenos Aires, Argentina|Santiago, Chile|USA|United States|UK|Canada|Australia|India|Nigeria|Earth|
            worldwide|Planet Earth 🌍|somewhere|in my head|the internet|home|🇺🇸|🇬🇧|🇨🇦|Texas|California|Florida|
            Ohio, USA|Midwest|Down South|East Coast|PNW|Scotland|Wales|Bristol|Leeds|Liverpool""");

    static final String[] BIO_PARTS = words("""
            coffee addict|dog mom|cat dad|views my own|RTs ≠ endorsements|runner|amateur photographer|
            teacher|retired teacher|nurse|software engineer|designer|student|PhD candidate|lawyer|chef|
            foodie|bookworm|gamer|football fan|basketball junkie|music lover|guitarist|DJ|writer|poet|
            artist|painter|mom of 3|dad of 2|grandma|husband|wife|she/her|he/him|they/them|traveller|
            hiker|yoga|plant parent|tea > coffee|news junkie|political nerd|science nerd|history buff|
            small business owner|entrepreneur|marketing|sales|accountant|realtor|mechanic|electrician|
            nurse practitioner|veteran|volunteer|proud aunt|sports|movies|true crime|podcasts|anime|
            K-pop|jazz|metal|hip hop|country music|🏳️‍🌈|☕|🐶|📚|🎮|⚽|🏀|🎸|🌱|✈️|📷|
            living my best life|just vibing|trying my best|here for the memes|lurker|opinions are my own|
            not a bot|follow back|no DMs|Christ follower|blessed|🙏|love my family|stay curious""");

    static final String[] CLIENTS = words("""
            Twitter for iPhone|Twitter for Android|Twitter Web App|Twitter for iPad|Twitter Web Client|
            TweetDeck|Twitter Lite|Hootsuite Inc.|Buffer|IFTTT|Instagram|Tweetbot for iΟS|Twitter for Mac|
            dlvr.it|Facebook|Echofon|Twitter Media Studio|Sprout Social|SocialPilot.co|Publer.io|Crowdfire App|
            twittbot.net""");

    /**
     * Relative weights of {@link #CLIENTS} among organic accounts. Scheduling tools that groups favour are here
     * too (marketers and small businesses use them), so a client alone never proves coordination.
     */
    static final double[] CLIENT_WEIGHTS = {
        33, 30, 18, 4, 4, 3, 1.5, 1.5, 1, 0.8, 0.7, 0.5, 0.5, 0.3, 0.4, 0.3, 0.2, 0.3, 0.25, 0.2, 0.2, 0.15
    };

    /** Clients that coordinated groups share (scheduling tools, but also mainstream apps so no client is proof). */
    static final String[] GROUP_TOOLS = words("""
            SocialPilot.co|Hootsuite Inc.|TweetDeck|Buffer|twittbot.net|Crowdfire App|Twitter for Android|
            Twitter Web App|Sprout Social|Publer.io""");

    static final String[] ACCOUNT_LANGS = words("en|en-gb|es|fr|de|pt|ar|ja|it|tr|nl|ru|id");
    static final double[] ACCOUNT_LANG_WEIGHTS = {76, 5, 5, 2.5, 2, 2, 1.5, 1, 1, 1, 1, 1, 1};

    static final String[] NOUNS = words("""
            coffee|morning|traffic|game|team|weekend|weather|rain|city|park|dog|cat|kid|job|boss|meeting|train|
            bus|bridge|book|movie|show|episode|album|song|concert|pizza|dinner|lunch|breakfast|gym|run|garden|
            neighbour|street|market|price|rent|bill|phone|laptop|update|app|news|story|election|council|mayor|
            school|teacher|exam|class|hospital|doctor|nurse|vaccine|queue|holiday|flight|airport|beach|mountain|
            river|sunset|photo|playlist|podcast|recipe|cake|bread|tea|office|project|deadline|interview|season|
            match|goal|referee|stadium|festival|museum|library|friend|family|birthday|wedding|party|car|bike|
            road|storm|snow|heat|wind|internet|delivery|package|store|sale|budget|vote|debate|speech|policy|
            landlord|printer|wifi|playoff|draft|keyboard|soup|bakery|tram|ferry|parcel|haircut|umbrella""");

    static final String[] ADJECTIVES = words("""
            good|bad|great|terrible|amazing|weird|slow|fast|loud|quiet|cold|hot|late|early|new|old|expensive|
            cheap|perfect|boring|funny|beautiful|busy|empty|crowded|strange|wild|tiny|huge|fresh|long|short|
            dark|bright|lazy|sunny|rainy|windy|messy|clean|broken|lovely|annoying|ridiculous|incredible|awful|
            decent|solid|chaotic|peaceful|random|classic|favourite|local|whole|final|surprising|cozy|grumpy""");

    static final String[] VERBS_PAST = words("""
            missed|loved|hated|finished|started|found|lost|watched|read|cooked|fixed|broke|cancelled|delayed|
            ordered|forgot|tried|won|joined|left|bought|sold|visited|called|booked|skipped|posted|painted|
            cleaned|baked|planted|moved|signed|caught|paid|opened|closed|changed|shared|picked|celebrated|
            survived|ignored|rescheduled|returned|recorded|finally got""");

    static final String[] VERBS_ING = words("""
            waiting for|thinking about|watching|reading|listening to|cooking|planning|fixing|avoiding|missing|
            enjoying|arguing about|laughing at|looking for|dreaming about|complaining about|rewatching|ignoring""");

    static final String[] ADVERBS =
            words("so|really|very|kind of|way too|absolutely|somehow|weirdly|pretty|totally|honestly");

    static final String[] TIMES = words("""
            today|this morning|last night|again|right now|this week|all day|on a Monday|before work|after lunch|
            tonight|for the third time|since Tuesday|at 3am|every single day|this year|yesterday|over the weekend""");

    static final String[] OPENERS = words("""
            Honestly|Ok so|Wow|Lol|Update:|Fun fact:|Unpopular opinion:|PSA:|Not gonna lie|Me:|Hot take:|
            Reminder:|Quick question:|Story time:|Guess what|Well|Yikes|Finally|Sooo|Ngl""");

    static final String[] CLOSERS = words("lol|😂|🙃|🙏|!!|...|smh|😭|🔥|❤️|ugh|haha|👀|🤷|tbh|fr|👍|😅|💀|🥲");

    /** Everyday lines that many unrelated people post word for word: organic identical texts. */
    static final String[] COMMON_LINES = words("""
            Good morning everyone ☀️|Happy Friday!|Happy New Year!|Thank you all for the birthday wishes ❤️|
            Can't sleep|Monday again...|What a game!|RIP legend 🙏|This is huge|Wow. Just wow.|
            Good night Twitter|I need coffee|Happy weekend everyone|Let's go!!!|So proud of this team""");

    static final String[] REPLIES = words("""
            totally agree|this is so true|no way 😂|source?|couldn't agree more|well said|this aged badly|
            lol what|exactly this|thank you for sharing|this|facts|same here|love this|hard disagree|
            can't believe this|finally someone said it|so sad to hear|congrats!!|not sure about that|
            where can I read more?|👏👏👏|😂😂|💯|this is the way""");

    static final String[] REACTIONS = words("""
            Wow.|This is huge|Breaking:|Unbelievable|Oh no|Big news|Here we go|Finally|Holy cow|Well then|
            Everyone needs to read this|Can't believe this is happening|Developing:|Huge if true|Wild""");

    /** Headline subjects: singular ones, then from {@link #HEADLINE_PLURAL_FROM} on plural ones. */
    static final String[] HEADLINE_SUBJECTS = words("""
            Council|Government|Court|New study|Company|Union|Ministry|City hall|Senate|Parliament|
            Police|Scientists|Officials|Lawmakers|Residents|Regulators|Hospital staff|Teachers|Voters|Investors""");

    static final int HEADLINE_PLURAL_FROM = 10;

    static final String[] HEADLINE_VERBS = words("""
            approves|rejects|warns of|investigates|unveils|delays|announces|faces|debates|calls for|
            cuts|backs|questions|blocks|launches|reviews|criticises|expands""");

    static final String[] HEADLINE_TAILS = words("""
            amid protests|after long debate|as prices climb|in surprise move|: report|— what we know|
            despite objections|ahead of vote|after months of delays|as pressure mounts|in landmark decision""");

    static final String[] TOPICS = words("""
            healthcare|jobs|security|housing|energy|education|transport|tax|water|roads|pension|border|
            farming|anti-corruption|digital economy|public safety|small business|infrastructure""");

    static final String[] PLACES = words("""
            our nation|the capital|the province|our city|the north|the south|the coast|the valley|our region|
            every district|the heartland|our communities""");

    static final String[] OFFICIAL_TITLES =
            words("Minister|Governor|Senator|Mayor|President|Deputy|Councillor|Secretary");

    static final String[] OFFICIAL_LINES = words("""
            Today I met with local leaders to discuss {topic}.|Proud to announce new investment in {topic} for {place}.|
            Our {topic} plan is delivering results. More to come.|Visited {place} today — thank you for the warm welcome!|
            My statement on {topic}:|We will keep working for every family in {place}.|
            Great conversation with workers about {topic} this morning.|Grateful to the volunteers who make {place} stronger.|
            The new {topic} bill passed today. A good day for {place}.|Thank you for your support. Together we move forward.""");

    static final String[] CELEB_LINES = words("""
            New video out now!|Tour dates announced 🎤|Thank you for 1M!!|Backstage vibes tonight|Guess who's back|
            Studio day 🎧|Can't wait for you all to hear this|Love you all ❤️|Big announcement tomorrow|
            Who's watching tonight?""");

    /** Campaign texts; {T} is the target's name, {topic}, {place}, {slogan} are fixed per group. */
    static final String[] CAMPAIGN_TEMPLATES = words("""
            {T} keeps delivering for {place}. The {topic} plan is working and the numbers prove it.|
            Proud to stand with {T}! Real leadership on {topic}, not empty promises.|
            The opposition spreads lies about {topic}. {T} brings facts and results.|
            Thank you {T} for fighting for ordinary families in {place}.|
            Under {T}, {place} finally has a {topic} policy that works for everyone.|
            Every honest citizen can see it: {T} is the leader {place} needs.|
            Another great day for {place}. {topic} reform is moving forward thanks to {T}.|
            They attack {T} because {T} gets things done. We will not be silenced.|
            {slogan}! Share this before they delete it.|
            Historic progress on {topic} today. History will remember who stood with {T}.|
            The media won't report this, but {topic} results in {place} are the best in a decade.|
            Millions support {T} and the {topic} agenda. The critics are a tiny loud minority.""");

    static final String[] LINK_TEMPLATES = words("""
            Must read 👇|The truth about {topic}:|Finally someone says it.|Read and share!|{T} was right all along:|
            This is what they don't want you to see|Everyone in {place} should read this|The real story on {topic}""");

    static final String[] PRAISE_REPLIES = words("""
            Thank you for everything you do for {place}!|We are with you all the way!|Best leader {place} has ever had.|
            Keep going, the people are behind you!|Proud to support you on {topic}!|Real results, real leadership 👏""");

    static final String[] SLOGAN_WORDS = words("""
            Forward|Together|Stronger|United|Rise|Proud|Victory|Future|Progress|Hope|Unity|Change|Now|First""");

    static final String[] FILLERS = words("really|truly|so|very|just|absolutely|clearly|finally");

    static final String[] EMOJI = words("👏|🔥|💪|✅|🙌|👍|💯|❤️|🇺🇳|⭐|🚀|🏆");

    static final String[][] SYNONYMS = {
        {"great", "amazing"}, {"proud", "honored"}, {"people", "citizens"}, {"plan", "program"},
        {"results", "outcomes"}, {"leader", "champion"}, {"lies", "falsehoods"}, {"working", "succeeding"},
        {"support", "back"}, {"families", "households"}, {"finally", "at last"}, {"best", "greatest"},
        {"real", "genuine"}, {"read", "check out"}, {"truth", "facts"}
    };

    /** Most-used organic hashtags, at the head of the Zipf vocabulary. */
    static final String[] TOP_HASHTAGS = words("""
            MondayMotivation|tbt|FridayFeeling|news|football|NBA|music|travel|photography|COVID19|climate|
            election|gaming|art|foodie|WorldCup|Oscars|love|fitness|nature|tech|AI|crypto|Bitcoin|books|
            SundayFunday|ThrowbackThursday|TuesdayThoughts|WednesdayWisdom|dogsoftwitter|catsoftwitter|
            breaking|weather|vaccine|StayHome|BlackLivesMatter|Pride|Netflix|GameOfThrones|premierleague|
            F1|NFL|MLB|GRAMMYs|Eurovision|earthquake|jobs|business|health|science|space|movies|fashion|
            education|coffee|wine|running|yoga|history""");

    static final String[] HASHTAG_STEMS = words("""
            Local|City|Game|Day|Night|Vote|Team|Fan|Life|Food|Art|Music|Book|Tech|Green|Health|School|News|
            Weekend|Summer|Winter|Spring|Autumn|Coffee|Run|Bike|Garden|Dog|Cat|Family|Home|Work|Love|Peace|
            Justice|Climate|Energy|Water|Street|Market|Film|Show|Live|Talk|Pod|Cast|Photo|Travel|Study|Data|
            Code|Dev|Design|Style|Beauty|Fit|Yoga|Chef|Bake|Wine|Beer|Tea|Retro|Indie|Rock|Jazz|Soul|Pop""");

    /** About forty news outlets, each host written the way the outlet itself links it (with or without {@code www.}). */
    static final String[] NEWS_DOMAINS = words("""
            www.nytimes.com|www.washingtonpost.com|www.theguardian.com|www.bbc.co.uk|www.bbc.com|www.reuters.com|
            apnews.com|edition.cnn.com|www.foxnews.com|www.nbcnews.com|www.cbsnews.com|abcnews.go.com|www.npr.org|
            www.politico.com|thehill.com|www.bloomberg.com|www.wsj.com|www.ft.com|www.economist.com|
            www.aljazeera.com|www.dw.com|www.france24.com|www.lemonde.fr|www.spiegel.de|elpais.com|
            www.independent.co.uk|www.telegraph.co.uk|www.dailymail.co.uk|nypost.com|www.usatoday.com|
            www.latimes.com|www.chicagotribune.com|www.axios.com|www.vox.com|www.huffpost.com|time.com|
            www.newsweek.com|www.businessinsider.com|www.cnbc.com|www.theatlantic.com|news.yahoo.com|
            www.thetimes.co.uk""");

    static final String[] NEWS_SECTIONS =
            words("world|politics|us|uk|business|health|science|technology|sport|culture|opinion|local");

    /** Low-quality outlets that campaigns push (invented names). */
    static final String[] CAMPAIGN_DOMAINS = words("""
            nationalpulse-daily.com|truthwire24.net|patriotledger.news|thecitizenvoice.info|realfactsnow.com|
            homelandherald.net|freedomdispatch.org|peoplesreport24.com|dailyclarity.news|voiceofthenation.info|
            frontlineobserver.net|thedailyanchor.com|www.nationfirstnews.com|www.truenorthbulletin.net""");

    static final String[] NEWS_OUTLET_NAMES = words("""
            Daily News|Herald|Tribune|Post|Gazette|Observer|Chronicle|Times|Today|Report|Wire|Insider|Live""");

    static final String[] CELEB_PREFIXES = words("DJ|MC|Lil|Coach|Chef|Doctor|Sir|Queen|King|Big");

    // Persian word stock (issue 14): campaign and protest hashtags, everyday clauses, proverbs and poetry lines
    // that many people post at their own times, and the lines copy-paste groups push. Written in Persian
    // letters (ی, ک) with ZWNJ where Persian spelling has it; keyboards respell them (Texts.respell).

    /** Campaign hashtags a state army pushes, one per campaign group (underscore joins words, as typed). */
    static final String[] PERSIAN_CAMPAIGN_TAGS = words("""
            اعدامش_کنید|مرگ_بر_فتنه‌گران|حمایت_از_نظام|ما_ایستاده‌ایم|دشمن_شکست_خورد|امنیت_ملی|
            جواب_دندان‌شکن|لبیک_یا_رهبر""");

    /** Hashtags of organic protest storms: hundreds of people, one tag, hours. */
    static final String[] PERSIAN_PROTEST_TAGS = words("""
            اعتراضات_سراسری|نه_به_گرانی|آزادی_بیان|اینترنت_آزاد|صدای_مردم|همبستگی_ملی""");

    static final String[] PERSIAN_SUBJECTS = words("""
            مردم|دولت|جوانان|کارگران|معلم‌ها|دانشجویان|همه|ملت|خانواده‌ها|بازاری‌ها|رسانه‌ها|مسئولان""");

    static final String[] PERSIAN_PREDICATES = words("""
            می‌خواهند صدایشان شنیده شود|دیگر تحمل نمی‌کنند|خسته شده‌اند|به خیابان آمده‌اند|حقیقت را می‌دانند|
            منتظر جواب هستند|امروز هم بیدار ماندند|نمی‌ترسند|با هم هستند|به آینده امیدوارند|سکوت نمی‌کنند|
            می‌گویند کافی است|قیمت‌ها را نمی‌پذیرند|دروغ‌ها را باور ندارند|از تهدید نمی‌هراسند""");

    static final String[] PERSIAN_TIMES = words("""
            امروز|امشب|این هفته|از دیروز|در سال ۱۴۰۱|ساعت ۸ شب|بعد از ۴۰ روز|همین حالا|هر روز|از صبح""");

    static final String[] PERSIAN_CLOSERS = words("""
            !|.|...|؟|🙏|💔|✌️|🔥|👇|#همه_با_هم""");

    /** Proverbs and classical lines (Saadi, Hafez, Ferdowsi: public domain) everybody quotes. */
    static final String[] PERSIAN_PROVERBS = words("""
            بنی آدم اعضای یکدیگرند که در آفرینش ز یک گوهرند|
            توانا بود هر که دانا بود ز دانش دل پیر برنا بود|
            صبر تلخ است ولیکن بر شیرین دارد|
            دوست آن باشد که گیرد دست دوست در پریشان حالی و درماندگی|
            هر که بامش بیش برفش بیشتر|
            قطره قطره جمع گردد وانگهی دریا شود|
            یک دست صدا ندارد|
            آب که از سر گذشت چه یک وجب چه صد وجب|
            شب سیه بگذرد و صبح سپید می‌آید|
            هر چه کنی به خود کنی گر همه نیک و بد کنی|
            رسم است که مالکان تحریر آزاد کنند بنده پیر|
            دلا نزد کسی بنشین که او از دل خبر دارد""");

    /** Lines copy-paste groups push, with {@code ۱۳۹۸}-style digits that keyboards respell. */
    static final String[] PERSIAN_CAMPAIGN_LINES = words("""
            فتنه‌گران باید بدانند که ملت ایران اجازه نمی‌دهد امنیت کشور را به خطر بیندازند|
            ما همه پشت نظام ایستاده‌ایم و به دشمنان اجازه نمی‌دهیم آرامش مردم را بگیرند|
            آشوبگران مزدور بیگانه هستند و باید به سزای اعمالشان برسند|
            در آبان ۱۳۹۸ هم دشمن شکست خورد و این بار هم شکست می‌خورد|
            رسانه‌های بیگانه دروغ می‌گویند و مردم حقیقت را می‌دانند|
            امنیت ملی خط قرمز ماست و با کسی شوخی نداریم|
            هر کس به اموال مردم آسیب بزند دشمن مردم است|
            ۸۵ میلیون ایرانی پشت رهبر خود ایستاده‌اند و می‌خواهم این را همه بدانند""");
}
