"""Normalising: the same question written any common way reaches the same matching form."""

import pytest

from bot.text import (
    asked_part, asks_name, asks_quantity, canonical_numbers, ordinal_numbers, capitalised_names, clean, counted_thing, mentions, quoted_names,
    aside, detect_language, enumerated_numbers, every_floor, normalize, numbers, rough_numbers, set_aside, states_quantity, tagged_names, tokens,
    alternatives, unmet_request, unnamed_thing, unquoted, words, floors, Vocabulary, wade_giles, asking_sentences, place_names, asked_kind,
    asked_figures, referred_numbers, uncontrasted, asks_what,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("２０１８年北京市有多少在职党员", "2018年北京市有多少在职党员"),  # full-width digits
        ("２０１８年北京市有多少在職黨員", "2018年北京市有多少在职党员"),  # Traditional characters
        ("ＷＨＯ is Cai Qi？", "who is cai qi?"),  # full-width letters and punctuation, case
        ("71.7万名党员", "717000名党员"),  # 万 as a multiplier
        ("717,000 members", "717000 members"),  # thousands separators
        ("# of disputes, no. of members", "number of disputes, number of members"),  # a count's shorthand
        ("how many gov bodies, biz quotas", "how many government bodies, business quotas"),  # chat shorthand
        ("whos shi feng, whats his job", "who is shi feng, what is his job"),  # an apostrophe left out
        ("一百五十项", "150项"),
        ("两度迎来", "2度迎来"),
        ("蔡\u200b奇", "蔡奇"),  # zero-width space
        ("蔡\x07奇", "蔡 奇"),  # control character
        ("<@U123ABC> 蔡奇是谁", "蔡奇是谁"),  # Slack user mention
        ("see <#C1|general> &amp; <https://x.example|the page>", "see general & the page"),
        ("<!here> 蔡奇", "蔡奇"),
        (":mag: 蔡奇是谁 :+1::skin-tone-2:", "蔡奇是谁"),  # emoji as Slack sends them
        ("请问史峰系何人,现任何职?", "请问史峰是谁,现任什么职务?"),  # formal written Chinese in plain words
        ("任何人都能报到吗", "任何人都能报到吗"),  # 何人 inside 任何人 asks nothing
        ("往东四那小院儿跑了几趟", "往东四那小院跑了几趟"),  # Beijing's 儿 added to a word
        ("专职付书记是谁,付了多少钱", "专职副书记是谁,付了多少钱"),  # 付 for 副 before a title, a pinyin slip
        ("幼儿和儿童,女儿", "幼儿和儿童,女儿"),  # 儿 as a child
        # Cantonese as written in Hong Kong: its own characters read as the Mandarin they stand for
        ("放假嘅时间用来做啲咩?", "放假的时间用来做些什么?"),
        ("點解係唔係要私裝地鎖?幾時搞?", "为什么是不是要私装地锁?什么时候搞?"),  # Cantonese why, whether, when
        ("仲使唔使交錢?", "仲要不要交钱?"),
        ("佢哋喺社區做咗幾多嘢", "他们在社区做了多少东西"),
        ("系统和关系", "系统和关系"),  # 系 is Mandarin: left alone
        ("at 9:30: what, 1:2:3", "at 9:30: what, 1:2:3"),  # no emoji
        ("roughly seven hundred thousand members", "roughly 700000 members"),  # scales multiply
        ("just over nine thousand", "just over 9,000"),
        ("how many ppl w/ jobs reported this yr", "how many people with jobs reported this year"),  # chat shorthand
        ("govt depts", "government departments"),
        ("who payed for it", "who paid for it"),  # not "played", the nearest word the facts hold
        ("717k members", "717,000 members"),  # a scale as a letter: k for thousand, w for 万
        ("71.7w名党员", "71.7万名党员"),
        ("How many in Peking?", "how many in Beijing?"),  # the old English name
        ("almost two decades", "almost 20 years"),
        # larger numbers spelled out (text2num), a year said aloud, "a hundred"
        ("nine thousand one hundred and seventy-five party groups", "9175 party groups"),
        ("how many reported in twenty seventeen", "how many reported in 2017"),
        ("twenty five members", "25 members"),
        ("over a hundred tasks", "over 100 tasks"),
        ("717 thousand members", "717000 members"),
        ("one of them, the third floor", "one of them, the third floor"),  # no spelled number to read
        # someone addressed is not asked about: a labelled mention, a handle typed as text
        ("<@U123ABC|chen> how many posts?", "how many posts?"),
        ("@Chen how many posts?", "how many posts?"),
        ("@parking-group where can we park?", "where can we park?"),
    ],
)
def test_normalize_equates_common_forms(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_clean_drops_markup_but_keeps_labels() -> None:
    assert clean("<https://a.example/x|链接> <mailto:a@b.c> &lt;b&gt;") == "链接 <b>"
    assert clean("write to a@b.example") == "write to a@b.example"  # an address is no mention


@pytest.mark.parametrize(
    "text, expected",
    [("1~2个", {"1", "2"}), ("9175个法人单位", {"9175"}), ("三楼", set()), ("三层小楼", {"3"}), ("每个礼拜六日和周六", set())],
)
def test_numbers_are_read_in_their_common_forms(text: str, expected: set[str]) -> None:
    assert numbers(normalize(text)) == expected


@pytest.mark.parametrize(
    "question, language",
    [
        ("蔡奇是谁?", "zh"),
        ("Who is Cai Qi?", "en"),
        ("What is 街乡吹哨?", "en"),
        ("Cai Qi 是谁", "zh"),
        ("蔡奇是誰", "zh"),
        ("", "en"),
        ("😀", "en"),
    ],
)
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_tokens_drop_question_words_and_stem_english() -> None:
    assert "多少" not in tokens(normalize("北京有多少党员"))
    assert tokens(normalize("How many members reported?")) == ["member", "report"]
    assert "咋" not in tokens(normalize("三张单子是咋回事呗"))  # colloquial question words too
    assert tokens(normalize("I wonder if you could kindly tell me who Shi Feng is")) == ["shi", "feng"]  # courtesy
    assert tokens(normalize("烦请告知史峰")) == ["史峰"]
    # An employer is not its staff: Snowball gives "employer" and "employed" one stem.
    assert tokens(normalize("employers")) == ["employer"] and tokens(normalize("employed")) == ["employ"]


def test_odd_runs_of_spelled_numbers_are_read_without_error() -> None:
    # text2num reads what it can; whatever is left stays text.
    for text in ("twenty " * 2000, "hundred hundred and", "nine hundred ninety nine billion billion", "twenty-", "a thousand 万"):
        assert isinstance(normalize(text), str)
    assert normalize("twenty twenty") == "2020"


def test_canonical_numbers_leaves_words_that_only_contain_numerals() -> None:
    # 统一 and 一线 are words, not numbers: only numerals before a measure word are converted.
    assert canonical_numbers("统一换门禁,下沉到一线") == "统一换门禁,下沉到一线"


@pytest.mark.parametrize(
    "question, fact, unmet",
    [
        ("蔡奇多大年纪", "蔡奇两度来到小院", "an age"),
        ("张颖几岁", "张颖今年45岁", None),
        ("第一次是几月份", "今年两度迎来", "a month or day"),
        ("what month did he go", "came twice this year", "a month or day"),
        ("courtyard visits - exact dates / months", "came twice this year", "a month or day"),
        ("courtyard visits to date", "came twice this year", None),  # "to date" is so far
        ("门禁花了多少钱", "车位租赁费用于购置门禁", "a price or pay"),
        ("停车场收费多少钱", "单位免费借用土地", "a parking fee"),  # the land was lent free, not the parking
        ("how much per hour to park there", "units lend their land free", "an hourly charge"),
        ("停车场一个月停车费多少钱", "单位免费借用土地", "a monthly charge"),
        ("停车场怎么收费", "单位免费借用土地给街道改造成停车场", "a parking fee"),
        ("how much does it cost to park there", "units lent land free of charge for a car park", "a parking fee"),
        ("停车场怎么收费", "居民可以免费停车", None),
        ("物业同意拿停车费买新门禁了吗", "用小区公共收益购置新门禁", None),  # fees spent, not asked
        ("did units lend their land without charge for parking?", "units lent land free", None),
        ("what are the parking fees", "residents pay 5 yuan a day", None),
        ("how many volunteers does it have in total", "石景山老街坊有5年历史", "a count in 名"),  # a count of people
        ("how many working party members reported", "71.7万名在职党员回社区报到", None),
        ("who coaches the school's curling team", "电厂路小学的旱地冰壶队", "a coach, whom the fact does not name"),
        ("members serve during what time", "利用休息时间参与社区治理", None),  # no clock time
        ("who cooks the low-price meals", "物美价廉的午餐", None),
        ("who is in overall charge of the five parties", "the Party organisation is the commander", None),
        ("以前那些私装地锁的现在还用装吗", "百姓也不用再私装地锁了", None),  # no longer: it was done before
        ("什么时候戴红袖标", "在集中活动时佩戴红袖标", None),  # an occasion is a time
        ("蔡奇什么时候去的", "蔡奇两度来到小院", "a time"),
        ("停车每小时多少钱", "每小时收费5元", None),
        ("部长是谁", "组织部副部长张革", "the 部长 (the fact names a deputy)"),
        ("副部长是谁", "组织部副部长张革", None),
        ("who is the party secretary", "wang feng, full-time deputy secretary", "the party secretary (the fact names a deputy)"),
        ("what do owners complain about when it comes to fees", "owners complain", None),
        ("区级部门下派的事项取消了多少项", "取消了市级部门下派社区的工作事项150项", "the 区级 level (the fact speaks of 市级)"),
        ("市级部门下派的事项取消了多少项", "取消了市级部门下派社区的工作事项150项", None),
        ("how many square metres of land were lent", "units lent land free of charge", "an area"),
        ("回龙观有多少常住人口", "张颖在龙泽园住了近20年", "a population"),
        ("how many households live in the longzeyuan compound?", "zhang ying has lived in longzeyuan for nearly 20 years", "a population"),
        ("王风是哪里人", "王风介绍说", "a birth"),
        ("where was shi feng born", "shi feng, director of guang'anmennei subdistrict office", "a birth"),
        ("what is cai qi's date of birth", "cai qi came twice to a courtyard", "a birth"),
        ("how much do the mall car parks charge residents", "malls opened their car parks to residents", "a price or pay"),
        ("who is in charge of the five-party meeting", "the community party committee is in charge", None),
        ("史峰当主任之前是做什么的", "史峰是广安门内街道办事处主任", "an earlier time"),
        ("what was the school like before", "it used to be an ordinary school", None),
        ("what public income was used to buy the new gates", "paid from the compound's public income", None),  # purpose, not past
        ("who went with cai qi to dongsi", "cai qi came to the courtyard twice this year", "a companion"),
        ("who came along with cai qi?", "cai qi came to the courtyard twice this year", "a companion"),
        # along with a thing, or getting along with people, asks no companion
        ("how did zhang ying get along with her neighbours?", "her neighbours were strangers to her", None),
        ("along with 150 work items, beijing also cancelled how many projects?", "31 projects were cancelled", None),
        # "Besides X, who else ..." asks for more of a kind, not for company
        ("besides individual members, who else reports?", "legal-entity party organisations report to subdistricts", None),
        ("who founded laojiefang", "laojiefang, a volunteer group with 5 years of history", "a founder"),
        ("谁创办了小合唱团", "一位海归声乐家组建了小合唱团", None),
        # an exact count is not "several times"; what befalls someone who falls short is no rule
        ("exactly how many city titles has the curling team won?", "its curling team came first several times", "an exact count"),
        ("具体是多少个社区?", "100多个社区", None),
        ("what happens to a member who attends fewer than four activities?", "members join at least 4 activities a year", "a consequence"),
        ("what happens to the private ground locks?", "residents no longer install private ground locks", None),
        ("少于4次会怎么样", "每年至少参加4次活动", "a consequence"),
        ("冬奥组委会怎样推动冰雪文化进社区", "冬奥组委推动冰雪文化进社区", None),
        # what was said to someone; another instalment of a series; whom a team beat
        ("蔡奇跟居民说了些什么", "蔡奇两度来到东四的小院", "what was said"),
        ("what did cai qi say to the residents?", "cai qi came to the courtyard twice", "what was said"),
        ("what cai qi said to the residents", "cai qi said the residents were his neighbours", None),
        ("what did part one of this series cover?", "this is part 2 of the report", "another instalment"),
        ("本文的上篇讲了什么", "本文为下篇,讲的是这项改革", "another instalment"),
        ("is this part one or part two of the series?", "this is part 2 of the report", None),
        ("这是上篇还是下篇", "本文为下篇", None),
        ("which team did the hockey team beat in the final?", "its hockey team came first in city contests", "an opponent"),
        ("对手是谁", "冰球队战胜了对手", None),
        # the papers a procedure takes: "after the relevant procedures" names none
        ("what paperwork do i need to bring to sign up for parking?", "after completing the relevant procedures", "the paperwork"),
        ("办停车要带什么材料", "办理相关手续后,百姓可以停车", "the paperwork"),
        ("once the paperwork is done, do residents still circle for a spot?", "after the procedures, no more circling", None),
        ("what documents do residents need?", "residents show their id cards and a parking permit application form", None),
        # a count of those that did not is not one of those that did
        ("石景山区有多少个社区没有人报到?", "大批在职党员向石景山的100多个社区报到", "a count of those that did not"),
        ("how many communities did not get any reporting members?", "members reported to over 100 communities", "a count of those that did not"),
        ("张颖所在社区几乎每个周未都做什么", "每个周末都组织党员打扫卫生", None),  # 几乎, and a typo of 周末
        # a satisfaction rate asked of a fact that gives none
        ("广安门内街道居民的满意度是多少", "史峰是广安门内街道办事处主任", "a rate or share"),
        # the asker's post is not one asked about
        ("dept head asking: what is the leading yardstick?", "satisfaction is the leading criterion", None),
        ("my manager wants to know who chairs it", "the committee coordinates the units", None),
        ("who is the head of the department?", "the department coordinates the units", "a head, whom the fact does not name"),
        # when someone took up a post is not when they visited somewhere
        ("when did cai qi become party secretary of beijing?", "in 2019 cai qi came twice to a courtyard", "the start of a post"),
        ("蔡奇是哪一年当上北京市委书记的", "今年两度迎来了北京市委书记蔡奇", "the start of a post"),
        ("when did shi feng take up the post?", "this is shi feng's 3rd year as director", None),
        # started, set up, 办起来 ask who founded it too; "built a choir" says so
        ("who started the laojiefang volunteer group?", "laojiefang, a volunteer group with 5 years of history", "a founder"),
        ("老街坊是谁牵头办起来的", "老街坊志愿服务组织已有5年历史", "a founder"),
        ("who set up the choir?", "a vocal master built a small choir", None),
        ("五方座谈会是谁发起的", "社区党支部牵头召开五方座谈会", None),
        ("张颖在哪所大学教书", "张颖在龙泽园住了近20年", "a university"),
        ("what did zhang ge study at university", "zhang ge, deputy head of the organisation department", "a university"),
        # which university needs one named: university students or a university teacher name none
        ("which university does zhang ying teach at?", "zhang ying invited her university students", "a university"),
        ("张颖在哪所大学教书", "张颖请了自己的大学生,大学老师张颖", "a university"),
        ("张颖在哪所大学教书", "张颖在北京大学教书", None),
        # A subject taught is not said by a fact that says only where someone teaches.
        ("what subject does zhang ying teach?", "zhang ying, a university teacher", "a subject taught"),
        ("which subject does the lecturer teach at her university", "大学老师张颖", "a subject taught"),
        ("张颖教什么课", "大学老师张颖在龙泽园住了近20年", "a subject taught"),
        ("what subject did the students teach the kids?", "her students gave the children science classes", None),
        ("what was the subject of the drama sketches?", "sketches on the law", None),  # a topic, nothing taught
        ("which university does she teach at?", "she teaches at peking university", None),
        ("what did the lessons that university students gave do?", "university students gave lessons", None),
        ("how was the new door system paid for", "paid for from the compound's public income", None),  # how funded, not a price
        ("how much are volunteers paid", "volunteers serve in their spare time", "a price or pay"),
        ("number of visits cai qi paid to the courtyard", "cai qi came to the courtyard 2 times", None),  # a visit paid
        ("how many visits did he pay", "cai qi came to the courtyard 2 times", None),
        ("电厂路小学的冰壶队在全国比赛拿过冠军吗", "学校的旱地冰壶队数次在全市比赛中拔得头筹", "the 全国 level (the fact speaks of 市级)"),
        # in English a contest's reach is the word before it, up to two words allowed between
        ("did the school win a national curling title?", "its teams came first in city-wide contests",
         "the national curling title level (the fact speaks of 市级)"),
        ("did it win the national dryland curling championship?", "its teams came first in city-wide contests",
         "the national dryland curling championship level (the fact speaks of 市级)"),  # two words between
        ("which teams keep winning city contests?", "学校的旱地冰壶队数次在全市比赛中拔得头筹", None),
        ("how did the national reform start?", "学校的旱地冰壶队数次在全市比赛中拔得头筹", None),  # no contest
        # a fine is a penalty, not a quality
        ("what is the fine for a private ground lock?", "no more private ground locks", "a fine"),
        ("is a fine-grained approach used?", "fine-grained city governance", None),
        ("私装地锁罚款多少", "不再私装地锁", "a fine"),
        ("which teams won city-wide contests", "学校的旱地冰壶队数次在全市比赛中拔得头筹", None),  # one level in two words
        ("what satisfaction score did the evaluation give", "a third-party evaluation of officials", "a score"),
        ("what were residents' satisfaction scores after the pilot?", "response mechanisms were set up", "a score"),
        ("what mean 'people mark the exam paper'?", "the people mark the exam paper", None),  # mark, the verb
        ("what score did they get", "居民满意度打分90分", None),
        ("what did cai qi say to the residents?", "cai qi reported to his community as an ordinary member", "what was said"),
        ("蔡奇对居民讲了什么", "蔡奇以普通党员身份回社区报到", "what was said"),
        ("what did zhang ge say about it?", "张革介绍说,为社区减负", None),  # the fact reports his words
        ("what did working members say they used to feel?", "working members felt they had no value", None),  # reported feeling
        ("how much is the property fee in hualongyuan beili?", "paid from the compound's public income", "a price or pay"),
        ("西长安街停车场怎么收费", "周边单位免费借出土地", "a parking fee"),
        # "yuan" is money only as a word: Hetaoyuan, Tiantongyuan are places.
        ("how much does lunch cost at hetaoyuan", "dongxinglou serves lunch to the elderly at hetaoyuan", "a price or pay"),
        ("天通苑的物业费是多少", "昌平区解决回龙观、天通苑 (tiantongyuan) 等社区矛盾", "a price or pay"),
        ("which restaurant serves low-cost meals", "dongxinglou serves cheap lunches", None),
        ("lunch costs 10 yuan?", "lunch costs 10 yuan", None),
        # an award won, which the fact must state
        ("did bajiao's balcony campaign win any city-level award?", "bajiao launched a beautify my balcony campaign", "an award"),
        ("which dryland teams keep winning city contests?", "its dryland curling team came first in city contests", None),
        ("how many inspection-and-award type projects got cut?", "31 evaluation and model projects were cancelled", None),
        # a deadline is no year something happened; the asker's own deadline asks none
        ("what's the deadline for rolling the reform out to every subdistrict?", "in 2019 beijing promoted the reform", "a deadline"),
        ("journalist here, on deadline: what is the reform called?", "in 2019 beijing promoted the reform", None),
        ("两种报到分别是谁跟谁报到?", "在职党员向社区报到,单位党组织向街道报到", None),  # who to whom: no companion
        # a charge named, not its price asked: the collection of the fee is low
        ("what do property firms complain about - low service charge collection?", "fee collection rates are low", None),
        ("蔡奇是几月去的", "蔡奇喊出了口号", "a month or day"),
        ("蔡奇是几月去的", "蔡奇3月去了东四", None),
        ("那位海归是从哪个国家回来的", "一位海归声乐家组建了小合唱团", "a country"),
        ("which country did she study in", "she studied singing in japan", None),
        ("what time is it in beijing", "six areas of responsibility", "a clock time"),
        ("what time-wasting routine can car owners drop", "no more circling to find a space", None),  # no clock
        ("what are the opening hours of the elderly activity room?", "the first floor is for the elderly", "a clock time"),
        ("老年活动室的开放时间是几点到几点", "一楼是老年活动室", "a clock time"),
        ("what are the canteen's opening hours?", "the canteen opens at 11:30", None),
        ("which six areas are subdistricts responsible for", "six areas of responsibility", None),
        # A title the fact does not name at all, in either language; synonyms share a group.
        ("电厂路小学的校长是谁", "电厂路小学的旱地冰壶队拔得头筹", "a 校长, whom the fact does not name"),
        ("who is the principal of the school", "the school's curling team came first", "a principal, whom the fact does not name"),
        ("who is the school principal?", "the school's curling team came first", "a principal, whom the fact does not name"),
        # before a noun they describe it: no post is asked
        ("what are the subdistricts' principal responsibilities now?", "party building and people's livelihood", None),
        ("who is the chief conductor of the chorus?", "party organisations act as the conductor", None),
        # a property manager, or the manager owners quarrel with, is the property company; a chair sat in is a seat
        ("why do owners and property managers fight?", "owners and property companies are at odds", None),
        ("what eased the owner-versus-manager disputes?", "grievances between owners and property companies eased", None),
        ("who is the manager of the property company?", "owners and property companies are at odds", "a manager, whom the fact does not name"),
        ("how long has shi feng been in the director's chair?", "shi feng, director of the subdistrict office, third year", None),
        ("党员们如何发挥所长?", "党员们发挥专业特长", None),  # 所长 as a strength, not an institute's head
        ("how long has it run? i'd like to know before i recommend it", "a group with 5 years of history", None),
        ("what did members feel before they reported?", "members reported to their communities", "an earlier time"),
        ("what's the number one head ache for hutong residents", "parking is the top problem", None),
        ("who does she meet when she heads out?", "she meets acquaintances", None),
        ("who is the chair of the owners' committee?", "the owners' committee was not enough", "a chair, whom the fact does not name"),
        # a stage of schooling other than the fact's own
        ("is zhang ying a secondary-school teacher?", "zhang ying, a university teacher", "a secondary school (the fact speaks of university)"),
        ("张颖是中学老师吗", "大学老师张颖", "a secondary school (the fact speaks of university)"),
        ("what do the college students teach?", "zhang ying's university students", None),  # college is university
        ("which middle school?", "the curling team came first", None),  # a fact of no stage: another guard's call
        ("who is the head of guang'anmennei subdistrict", "shi feng, director of guang'anmennei subdistrict office", None),
        ("who is the director of the organisation department", "zhang ge, deputy head of the organisation department", "the director (the fact names a deputy)"),
        ("who heads the organisation department?", "zhang ge, deputy head of the organisation department", "the head (the fact names a deputy)"),
        # A question that offers the deputy's title asks which it is; one that sets it aside does not.
        ("is zhang ge the head of the department or a deputy?", "zhang ge, deputy head of the organisation department", None),
        ("who is the head (not the deputy) of the department?", "zhang ge, deputy head of the organisation department", "the head (the fact names a deputy)"),
        ("部长是谁,不是副部长", "组织部副部长张革", "the 部长 (the fact names a deputy)"),
        ("张革是部长还是副部长", "组织部副部长张革", None),
        # the people counted follow "how many" before a verb, not after it
        ("how many communities did members report to?", "members reported to 100 communities", None),
        ("how many volunteer members are there?", "laojiefang has 5 years of history", "a count in 名"),
        # "Deputy" mistyped is still a deputy: the question asks the fact's own post.
        ("who is the depty head of the organisation department?", "zhang ge, deputy head of the organisation department", None),
        ("who is the diputy secretary?", "wang feng, full-time deputy secretary", None),
        ("where are the headquarters", "x", None),
        ("加了多少名科长级别的领导", "新增科级领导干部212名", None),
        # A count of people needs a fact that counts people; 个 counts anything else.
        ("老街坊有多少名志愿者", "已有5年历史的志愿者组织,100多个社区", "a count in 名"),
        ("有多少个人报到", "9175个法人单位党组织到街道报到", "a count in 人"),  # 个人: a count of people too
        ("有多少位党员报到", "71.7万名在职党员", None),
        ("报到的法人单位党组织有多少家", "9175个法人单位党组织", None),
        ("取消了多少项评比", "取消31项评比", None),
        ("how long has zhang ge been deputy head?", "zhang ge, deputy head of the organisation department", "a duration"),
        ("老街坊成立多久了", "已有5年历史的志愿者组织", None),
        # A count of years needs a span of them: a year (2018年, 今年) is none, and 这几年 asks nothing.
        ("蔡奇在东四住了多少年", "今年两度迎来了北京市委书记蔡奇", "a number of years"),
        ("张革当副部长几年了", "2018年,北京市委组织部副部长张革", "a number of years"),
        ("张颖在龙泽园住了多少年", "张颖在龙泽园住了近20年", None),
        ("how many years has shi feng been director?", "shi feng is in his third year (第三年) as director", None),
        ("how many years did the group exist?", "laojiefang, with five years of history", None),
        ("电厂路小学这几年有什么变化", "今年学校的冰壶队拔得头筹", None),
        # What came of something is not said by a fact that a mechanism is used to settle conflicts.
        ("天通苑用五方共治具体解决了哪些矛盾", "五方共治成为昌平区解决天通苑等超大型社区矛盾的一种新机制", "an outcome"),
        ("西城区用第三方评估考核干部,结果怎么样", "西城区对干部的考核正在探索第三方评估", "an outcome"),
        ("what were the results of the third-party evaluations?", "xicheng is exploring third-party evaluation", "an outcome"),
        ("which problems did the five-party talks solve?", "the first worry resolved was the door access system", None),
        ("昌平区用五方共治解决了哪些超大社区的矛盾", "五方共治成为昌平区解决回龙观、天通苑等超大型社区矛盾的一种新机制", None),  # which communities
        ("超大城市共治的问题解决了吗", "超大城市精细化共治仍在探索中", None),  # yes or no: "still being explored" answers it
        # A rate asked as "what X rate did ...", and the people someone was with (跟哪些居民)
        ("what satisfaction rate did the officials get?", "xicheng is exploring third-party evaluation", "a rate or share"),
        ("what rate did the survey give?", "更多的满意率达到了95%", None),
        ("蔡奇在小院里跟哪些居民座谈了", "小院今年两度迎来了蔡奇", "a companion"),
        ("检察官党员跟谁一起编的情景剧", "有的检察官党员跟社区老党员共同编排情景剧", None),  # 共同: jointly with
        ("who did the prosecutors work with?", "some prosecutors worked with veteran members to stage skits", None),
        ("西城区和哪些中央单位合作", "西城区有600多家中央单位", None),  # which units, not who went along
        # A sport the fact does not speak of, where it speaks of others: figure skating is not curling.
        ("what did the school's figure skating team win?", "its dryland curling and hockey teams came first", "skating (the fact speaks of curling/hockey)"),
        ("电厂路小学的足球队拿过冠军吗", "学校的旱地冰壶队和旱地冰球队数次拔得头筹", "football (the fact speaks of curling/hockey)"),
        ("what did the school's ice hockey team win?", "its dryland curling and hockey teams came first", None),
        ("did the school's skiing team win anything?", "the school has become a winter-sports school", None),  # no sport named
        # 哪一年 is 哪1年 once normalised; a founding needs a fact that speaks of one.
        ("张革是哪一年当上副部长的", "北京市委组织部副部长张革介绍说", "a time"),
        ("中国共产党是哪一年成立的", "小楼的每1层都挂着党旗,2019年", "a founding"),
        ("when was the laojiefang group founded?", "a volunteer organisation with 5 years of history", None),
        # "When ..., was he ...?" opens with a clause, not a question for a time.
        ("when cai qi went back to his neighbourhood, what did he do there?", "cai qi cleaned up as an ordinary member", None),
        ("when exactly will the games open, according to wang feng?", "wang feng, deputy secretary", "a time"),
        ("第几号改革", "北京一号改革", None),  # an ordinal, not a quantity
        # the article's this year and last year: a question for one is not answered by a fact of the other
        ("how many times did cai qi visit the courtyard last year?", "cai qi came to the courtyard twice this year", "last year (the fact speaks of another year)"),
        ("去年蔡奇来了几次", "今年两度迎来了蔡奇", "去年 (the fact speaks of another year)"),
        ("今年有多少在职党员报到", "2018年,71.7万名在职党员回社区报到", "今年 (the fact speaks of another year)"),
        ("去年有多少在职党员报到", "2018年,71.7万名在职党员回社区报到", None),
        ("what did xicheng do last year?", "xicheng opened car parks", None),  # a fact of no year: not this guard's call
        ("今年有多少在职党员报到", "2022年,10万名在职党员报到", None),  # a year the document does not call this or last
        ("冰壶比赛的规则是什么", "电厂路小学的旱地冰壶队拔得头筹", "rules"),
        ("what are the rules of dryland curling?", "the school's curling team came first", "rules"),
        ("what is the rule in shijingshan about how many teams a member joins?", "每人参加1~2支志愿队伍", None),
        ("how many section-chief-level posts were created?", "新增科级领导干部212名", None),  # a rank, not a post
        ("when did beijing start pushing the reform?", "beijing promoted the reform in 2019", None),  # a start, no founding
        # A total is a count: a share or "one year" does not give it.
        ("北京一共有多少个街道乡镇", "过去这一年,北京市已有一半的街道乡镇试点了改革", "a total"),
        ("how many subdistricts are there in total", "half of beijing's subdistricts piloted it", "a total"),
        ("how many subdistricts are there in all?", "half of beijing's subdistricts piloted it", "a total"),
        ("is the reform tested in all subdistricts already?", "half of beijing's subdistricts piloted it", None),
        ("那栋小楼一共几层", "一座三层小楼", None),
        # A rate or share needs a fact that gives one.
        ("群众满意率是多少?", "西城区探索第三方评估、大数据评价等考核模式", "a rate or share"),
        ("what was the approval rate in the evaluation?", "third-party evaluation and big-data review", "a rate or share"),
        ("what share of subdistricts piloted it?", "half of beijing's subdistricts piloted it", None),
        ("what shared feeling did members describe?", "members shared a feeling of lost value", None),  # shared is no share
        # a rate named is no rate given: "a low collection rate" (收费率低) states no value
        ("what's the actual fee collection rate - any percentage given?", "property firms face a low fee-collection rate", "a rate or share"),
        ("物业费收费率是多少", "物业公司收费率低", "a rate or share"),
        ("物业费收费率是多少", "收费率不到6成", None),
        ("what is the collection rate?", "only 60% of fees are collected", None),
        # An address, a predecessor: things a fact about the same place or post rarely gives.
        ("what is the address of the courtyard cai qi visited?", "a small courtyard in the hutongs of dongsi", "an address"),
        ("小院的地址在哪", "东四街道胡同群里的一处小院落", "an address"),
        ("how did the office address the parking problem?", "the office opened car parks", None),  # the verb
        ("the hall is at no. 5, what is its street number?", "the hall is at 5号, xicheng", None),
        ("who was shi feng's predecessor?", "shi feng, director of guang'anmennei subdistrict office", "a predecessor or successor"),
        ("史峰的前任是谁", "史峰接任主任已3年", None),
    ],
)
def test_unmet_request(question: str, fact: str, unmet: str | None) -> None:
    # Read as facts of a document dated 2019: its "last year" is 2018.
    assert unmet_request(normalize(question), normalize(fact), year=2019) == unmet


def test_capitalised_names_skip_openers_questions_and_possessives() -> None:
    assert capitalised_names("What's the name of the reform Beijing rolled out?") == ["beijing"]
    assert capitalised_names("Besides parking, what did Xicheng's committee do?") == ["xicheng"]
    assert capitalised_names("Shanghai party members") == ["shanghai"]
    # An answer that opens with "Yes." names no one called Yes.
    assert capitalised_names("Yes. Some government car parks in Xicheng were opened.") == ["xicheng"]
    assert capitalised_names("Across roughly how many communities did Shijingshan members report?") == ["shijingshan"]
    # chat openers and interjections; any common word opening a sentence
    assert capitalised_names("Summarise what the Laojiefang volunteers do.", frozenset({"summarise"})) == ["laojiefang"]
    assert capitalised_names("Working CP members in Xicheng?") == ["working", "xicheng"]  # CP: the Party
    assert capitalised_names("Wait, are Xicheng's government car parks open?") == ["xicheng"]
    assert capitalised_names("Saw red armbands in Shijingshan. What do they say?") == ["shijingshan"]


def test_a_request_opens_with_no_name() -> None:
    # A request opens with a verb, often with the asker after it; shorthand like "Pls" is no name either.
    assert capitalised_names("Remind me what Xicheng's problem with its resources was.") == ["xicheng"]
    assert capitalised_names("Pls confirm how many storeys the Hetaoyuan building has.") == ["hetaoyuan"]
    assert capitalised_names("Fetch me the number of Shanghai members") == ["shanghai"]
    # Every word of a short set-up before a colon, unless it sounds like a name of China's.
    assert capitalised_names("For HR: give me the main criterion for grading officials.") == []
    assert capitalised_names("Haidian office: how many members?") == ["haidian"]
    # A part before the colon that asks is no set-up.
    assert capitalised_names("How many in Tokyo: and in Beijing?") == ["tokyo", "beijing"]


@pytest.mark.parametrize(
    "question, asks",
    [
        ("which government departments in xicheng opened their car parks?", True),
        ("which third-party firm evaluates xicheng officials?", True),  # a word between "which" and the kind
        ("what is the name of the choir's conductor?", True),
        ("早教机构叫什么名字?", True),
        ("what was the fraud skit the prosecutors staged actually called?", True),
        ("how was the skit called a success?", False),  # "called" after no "what is"
        ("which floor is for the elderly?", False),
        ("which hospital or clinic does the check-ups?", True),  # one hospital, as well as several
        ("..., but which restaurant actually makes that lunch?", True),  # one restaurant, shop, mall or hotel too
        ("which brand of access control system did they buy?", True),  # a brand, maker or supplier
        ("门禁系统是什么牌子的?", True),
    ],
)
def test_asks_name(question: str, asks: bool) -> None:
    assert asks_name(question) is asks


def test_quoted_names_are_names() -> None:
    assert quoted_names("推行“街乡吹哨,部门报到”改革,见《北京日报》") == ["街乡吹哨,部门报到", "北京日报"]
    assert quoted_names("the 'street whistle' reform (\"this year\"), Xicheng's and the members' duty") == ["street whistle", "this year"]


def test_a_character_jieba_glues_to_a_name_is_trimmed() -> None:
    assert tagged_names(normalize("张颖在龙泽园住了多久")) == ["张颖", "龙泽园"]
    assert tagged_names(normalize("2019年史峰当主任几年了")) == ["史峰"]
    assert tagged_names(normalize("听说有个街道办主任叫史峰")) == ["史峰"]
    assert tagged_names(normalize("史峰当广内街道办主任")) == ["史峰", "广内"]  # 当广内: 当 is trimmed


def test_a_gate_name_keeps_the_side_of_the_gate() -> None:
    # 广安门内 and 广安门外 are two subdistricts; jieba tags only 广安门 in either.
    assert tagged_names(normalize("广安门外街道办事处主任是谁")) == ["广安门外"]
    assert tagged_names(normalize("史峰是广安门内街道办事处主任")) == ["史峰", "广安门内"]
    assert "西城区" in tagged_names(normalize("西城区内有多少个停车场"))  # 内 after a district is "within"


def test_colloquial_fillers_are_no_words() -> None:
    assert words(normalize("这改革里头到底谁给谁报到啊,整不明白")) == ["改革", "报到"]
    # "folks" and "guys" say only that people are meant: "hutong folks" are hutong residents
    assert words(normalize("where can the hutong folks park, guys?")) == ["hutong", "park"]


def test_polite_openers_jieba_tags_as_names_are_none() -> None:
    assert tagged_names(normalize("劳驾问一下,西城区过去在资源方面存在什么问题?")) == ["西城区"]


def test_common_words_jieba_tags_as_names_are_none() -> None:
    assert tagged_names(normalize("八角小区党员张罗的阳台活动")) == []  # 张罗, to organise
    assert tagged_names(normalize("超大城市的党组织,上海呢")) == ["上海"]


def test_the_context_before_a_colon_is_not_what_is_asked() -> None:
    assert asked_part(normalize("For my slides on megacities: how many members reported in 2018?")) == " how many members reported in 2018?"
    assert asked_part(normalize("为比较各地做法:北京提出哪四个目标?")) == normalize("北京提出哪四个目标?")
    # a question that goes on after its colon, and a colon before or after too little, are left whole
    assert asked_part(normalize("what are the four goals: joint building and so on")) == normalize("what are the four goals: joint building and so on")
    assert asked_part(normalize("Quick one for my notes: why?")) == "quick one for my notes: why?"
    assert asked_part(normalize("Xicheng: how many members reported in 2018?")) == "xicheng: how many members reported in 2018?"


def test_sentences_that_ask_nothing_are_context() -> None:
    assert asking_sentences("I'm writing a report on Beijing. How many members reported in 2018?") == (
        "How many members reported in 2018?", False
    )
    assert asking_sentences("我在写一份报告。2018年有多少在职党员回社区报到？") == ("2018年有多少在职党员回社区报到？", False)
    # a request asks too, and a polite closing is context
    assert asking_sentences("Tell me how many members reported in 2018. Thanks a lot.") == (
        "Tell me how many members reported in 2018.", False
    )
    assert asking_sentences("I'm checking titles before I quote him. Who is Zhang Ge?") == ("Who is Zhang Ge?", False)
    # numbers alone ask nothing without the words before them
    assert asking_sentences("service posts per member - 1 to 2, or 2 to 3?") is None
    # "those officials" points back at the figure before it: scored alone, guarded whole
    assert asking_sentences("212 - what rank are those officials?") == ("what rank are those officials?", True)
    # one sentence, every sentence asking, or an abbreviation's full stop: nothing is context
    assert asking_sentences("How many members reported in 2018?") is None
    assert asking_sentences("Who is Shi Feng? Which office does he head?") is None
    assert asking_sentences("Is this part 1 or part 2 of the No. 1 Reform report?") is None
    assert asking_sentences("Why is the owner vs. property manager fight worse in old compounds?") is None
    # a question word inside a statement asks nothing; after a wish to know it asks
    assert asking_sentences("The block feels anonymous, which is why this caught my eye. What were Zhang Ying's neighbours like?") == (
        "What were Zhang Ying's neighbours like?", False
    )
    assert asking_sentences("I'd like to know whether Shi Feng is new. How long has he been director?") is None
    # 介绍 asks as a request (介绍一下), not as a verb of the context
    assert asking_sentences("我想把这个办法介绍给我们社区。五方分别是谁?") == ("五方分别是谁?", False)
    # each line of a message is a sentence: a label line sets out context
    assert asking_sentences("<@U1>\n• context: the whistle-reform piece\n• question: what was Xicheng's problem?") == (
        "• question: what was Xicheng's problem?", False
    )
    # what asks may point back into the context
    # A phrase quoted in the context is what "it" asks about: guarded whole.
    assert asking_sentences("There's a line about 'eight hours' early on. What point is it making?") == (
        "What point is it making?", True
    )
    assert asking_sentences("I'm looking at Shanghai. How many members reported there in 2018?") == (
        "How many members reported there in 2018?", True
    )
    assert asking_sentences("我在研究上海。那里有多少在职党员报到?") == ("那里有多少在职党员报到?", True)
    # a dash sets off context as a full stop does; a person asked of as he or she is the context's
    assert asking_sentences("As a PE teacher I'm curious - what sports does Dianchanglu Primary play?") == (
        "what sports does Dianchanglu Primary play?", False
    )
    assert asking_sentences("Zhang Ge, the official quoted on the load — what post does he hold?") == (
        "what post does he hold?", True
    )
    assert asking_sentences("a Beijing-wide figure for the reform?") is None  # a hyphen is no dash
    # a Chinese clause of context before a comma: what asks is scored alone, but guarded whole,
    # since the clause may scope it (上海2020年); a comma inside quotation marks ends no clause
    assert asking_sentences("我们小区门禁也老坏,新门禁的钱是从哪儿来的?") == ("新门禁的钱是从哪儿来的?", True)
    assert asking_sentences("上海2020年,有多少在职党员报到?") == ("有多少在职党员报到?", True)
    assert asking_sentences("北京“街乡吹哨,部门报到”改革有哪些重要内容?") is None


def test_a_number_of_items_asked_for_is_no_number_a_fact_must_hold() -> None:
    assert enumerated_numbers(normalize("Which four roles? 哪四个方面? what 2 tasks")) == {"4", "2"}
    assert enumerated_numbers(normalize("谁当总指挥,另外四方是谁?")) == {"4"}
    assert enumerated_numbers(normalize("so what are the four roles the members take on?")) == {"4"}
    assert enumerated_numbers(normalize("which year, 2018 or 2019")) == set()


def test_the_first_word_of_any_sentence_may_be_an_opener() -> None:
    assert capitalised_names("Journalist here, on deadline: what did Xicheng open?") == ["xicheng"]
    assert capitalised_names("Shanghai resident here: what did Xicheng open?") == ["shanghai", "xicheng"]
    assert capitalised_names("Once members have registered in Xicheng, what do they do?") == ["xicheng"]
    assert capitalised_names("I heard 100 communities in Shijingshan took part. True?") == ["shijingshan"]
    assert capitalised_names("What did Xicheng do? Shanghai did more.") == ["xicheng", "shanghai"]


def test_a_mistyped_question_word_opening_a_question_is_no_name() -> None:
    assert capitalised_names("Wat does Zhang Ying do for a livng?") == ["zhang", "ying"]
    assert capitalised_names("Hw many floors does the Hetaoyuan building have?") == ["hetaoyuan"]
    assert capitalised_names("Wich district opened its car parks?") == []
    # Surnames one slip from a question word stay names, and so does a slip inside a question.
    assert capitalised_names("Hou Wei visited which community?") == ["hou", "wei"]
    assert capitalised_names("Did Wat visit Xicheng?") == ["wat", "xicheng"]


def test_an_english_name_is_mentioned_where_a_word_starts_however_it_is_spaced() -> None:
    assert mentions("cai qi visited the courtyard", "caiqi")
    assert mentions("xicheng's car parks", "xicheng")
    assert mentions("beijing's reform", "beij")  # a stemmed name
    assert not mentions("a courtyard in dongcheng", "chen")
    assert mentions("蔡奇到东四", "蔡奇") and not mentions("蔡奇到东四", "西城")


def test_capitalised_names_end_at_a_hyphen_and_skip_conventional_capitals() -> None:
    # Beijing-wide names Beijing and Party-building names the Party, not "beijing-wide" or
    # "party-building"; "Communist" is convention, not a name.
    assert capitalised_names("Did the Beijing-wide Party-building drive work?") == ["beijing", "party"]
    assert capitalised_names("How many Communist Party members reported?") == ["party"]
    # nor is a language, a title before a name, or chat's acronyms
    assert capitalised_names("what is the campaign called in Bajiao? need an English rendering") == ["bajiao"]
    assert capitalised_names("What did Ms Zhang join? Why is the owner vs PM feud worse?") == ["zhang"]
    assert capitalised_names("has Beijing cracked it yet, or still WIP? FYI ASAP") == ["beijing"]
    assert capitalised_names("TL;DR: what did Dr Wang say about Xicheng?") == ["wang", "xicheng"]
    assert capitalised_names("for the PPT: which KPIs changed in Xicheng?") == ["xicheng"]  # office acronyms
    assert capitalised_names("2018年SH有多少党员?街道的KPI考核") == ["sh"]  # capitals glued to Chinese are words too


def test_an_ordinal_is_not_a_quantity_asked() -> None:
    assert asks_quantity(normalize("石景山老街坊有几年历史?")) and asks_quantity(normalize("有多少名党员?"))
    assert not asks_quantity(normalize("标题里说北京的第几号改革?"))
    assert asks_quantity(normalize("How big is the new car park?"))  # its size is a count of spaces
    # how often: a count of times
    assert asks_quantity(normalize("did he go back just once this year or more?"))
    assert asks_quantity(normalize("Did Cai Qi visit more than once?")) and asks_quantity(normalize("how often does it meet"))
    assert not asks_quantity(normalize("Did Cai Qi visit once as an ordinary member?"))
    # a count asked as a noun
    assert asks_quantity(normalize("West Chang'an parking count")) and asks_quantity(normalize("what's the count of orgs?"))
    assert not asks_quantity(normalize("what counts most in the assessment?"))
    assert not asks_quantity(normalize("要推动社区实现啥?事务共商那几个"))  # "those", not "how many"


@pytest.mark.parametrize(
    "text, stated",
    [
        ("几乎每个周末都有大扫除", True), ("每年至少参加4次", True), ("一名普通党员", False), ("门禁老化", False),
        ("今年(2019年)大商场的停车场开放了", False), ("2018年,71.7万名在职党员回社区报到", True),  # a year says when
    ],
)
def test_states_quantity(text: str, stated: bool) -> None:
    # "How often" is answered by "every weekend"; a lone 一 (一名) is an article, not a quantity.
    assert states_quantity(normalize(text)) is stated


@pytest.mark.parametrize(
    "question, thing",
    [
        ("how many students attend dianchanglu primary school?", ["students", "attend"]),
        ("how many of the working party members reported?", ["working", "party"]),  # "of the" is no thing
        ("how many extra parking spaces were added?", ["parking", "spaces"]),  # "extra" says how, not what
        # no tagger says which is the noun: the fact may speak of either of the first two
        ("how many institutional party organisations in beijing checked in?", ["institutional", "party"]),
        ("how many rating and model community schemes were dropped?", ["rating"]),
        ("i heard hundreds of parking spots were added - how many exactly?", []),  # named before
        ("what about the evaluation projects, how many of those got ditched?", []),  # named before too
        ("how many of the city's townships tried out the reform?", ["townships", "tried"]),  # whose they are is no thing
        ("what is the number of legal-entity party organisations?", ["legal"]),
        ("how much did it cost?", []),
        # In Chinese, the word right after the counter, if it may be a noun
        ("西城区一共有多少个街道?", ["街道"]),
        ("天通苑换了几套门禁?", ["门禁"]),
        ("电厂路小学有多少学生?", ["学生"]),
        ("2018年有几个人报到?", []),  # 个人 is the counter and people
        ("取消了多少项针对社区的评比?", []),  # 针对 is a preposition
        ("史峰任职到今年是第几个年头?", []),  # an ordinal
        ("需要投入多少时间?", []),  # an amount of time
        ("二楼是给几岁的小朋友用的?", []),  # an age
    ],
)
def test_counted_thing(question: str, thing: list[str]) -> None:
    assert counted_thing(question) == thing


@pytest.mark.parametrize(
    "question, fact, thing",
    [
        ("那个海归声乐大师叫什么名字?", "有的党员是海外归来的声乐大师,给小区打造了一个小合唱队。", "大师"),
        ("那家早教机构叫什么名字?", "给小朋友上早教课的又是一家市场化的早教机构。", "机构"),  # 一家 normalised to 1家
        ("what is the longzeyuan choir called?", "a vocal master built a small choir for the compound", "choir"),
        ("what's the vocal master's name?", "a vocal master built a choir", "master"),
        ("what is the name of the vocal master who came back from abroad?", "one party member, a vocal master", "master"),
        ("name of the returnee vocal master who set up the choir", "a vocal master built a choir", "master"),  # no "what is"
        ("need the name of the returnee vocal master", "a vocal master built a choir", "master"),  # a request
        # An appositive after a bracketed name names the thing.
        ("what is the name of the old restaurant that serves lunch?", "dongxinglou (东兴楼), a long-established restaurant", None),
        ("what is the reform called?", "the reform is called street whistle", None),
        # a thing described as "a" one and named in quotation marks right after is named
        ("what's the name of the mechanism?", 'the branch created a governance mechanism of "party-led five-party co-building"', None),
        ("what's the name of the mechanism?", "the branch created a governance mechanism", "mechanism"),
        ("how many choirs are there?", "a small choir", None),  # no name asked
        # the thing asked ends where a clause about it begins ("set up by", "where")
        ("what is the name of the choir set up by the singer?", "one member built a choir for the compound", "choir"),
        ("what's the name of the hutong where the courtyard is?", "a small courtyard among the hutongs of dongsi", "hutong"),
        ("what's the name of the dongsi courtyard cai qi visited?", "came twice to a small courtyard among the hutongs of dongsi", "courtyard"),
        # what "some" of a kind are said to be is unnamed too
        ("what's the name of the calligrapher?", "some party members in the community are master calligraphers", "calligrapher"),
        ("what's the name of the calligrapher?", "the calligrapher wang ming leads classes", None),
    ],
)
def test_unnamed_thing(question: str, fact: str, thing: str | None) -> None:
    assert unnamed_thing(normalize(question), normalize(fact)) == thing


def test_a_thing_the_fact_also_names_is_not_unnamed() -> None:
    question = normalize("might i ask the name of the primary school that neighbours the olympic organisers?")
    fact = normalize("Dianchanglu Primary School used to be an ordinary school; now a specialist school")
    assert unnamed_thing(question, fact) == "school"
    assert unnamed_thing(question, fact, named={"dianchanglu", "primary", "school"}) is None
    # named after it ("the old restaurant Dongxinglou"), or before it ("Dongsi Subdistrict", "Longzeyuan (龙泽园) community")
    question = normalize("what's the name of the restaurant that serves lunch?")
    assert unnamed_thing(question, normalize("the old restaurant dongxinglou serves lunch"), named={"dongxinglou"}) is None
    question = normalize("what is the name of the community where she lives?")
    assert unnamed_thing(question, normalize("she lives in her community in dongsi"), named={"dongsi"}) == "community"
    assert unnamed_thing(question, normalize("she lives in the longzeyuan (龙泽园) community")) is None
    assert unnamed_thing(question, normalize("she lives in the community (龙泽园社区)")) is None
    assert unnamed_thing(question, normalize("she lives in dongsi community"), named={"dongsi"}) is None
    # "which specific department" asks for one by its name
    question = normalize("which specific government department opened its car park to residents?")
    assert unnamed_thing(question, normalize("government departments opened their car parks")) == "department"
    assert unnamed_thing(question, normalize("the xicheng department opened its car park"), named={"xicheng"}) is None


def test_unnamed_thing_in_other_words_is_told_by_the_given_likeness() -> None:
    question, fact = normalize("what's the name of the singer?"), normalize("one party member, a vocal master, built a choir")
    assert unnamed_thing(question, fact) is None  # no word in common
    seen = []
    alike = lambda word, described: seen.append((word, described)) or "vocal" in described  # noqa: E731
    assert unnamed_thing(question, fact, alike) == "singer"
    assert seen == [("singer", ["party", "member", "vocal", "master", "choir"])]
    assert unnamed_thing(normalize("what's the name of the restaurant?"), normalize("dongxinglou (东兴楼), a restaurant"), alike) is None


def test_fractions_are_written_one_way() -> None:
    assert normalize("三分之二的街道") == "2/3的街道" and normalize("百分之五十") == "50%"
    assert normalize("二分之一的街道") == normalize("一半的街道")
    assert normalize("百分之12.5") == "12.5%"
    # Digits and numerals mixed in one number are left as they are, never an error.
    assert normalize("三分之二.五") == "2/3.五" and normalize("百分之.5") == "百分之.5"


def test_a_year_read_digit_by_digit_is_that_year() -> None:
    assert normalize("二零一八年") == "2018年" and normalize("二〇一九年") == "2019年"
    assert normalize("一百五十项") == "150项" and normalize("十八年") == "18年"


def test_a_number_given_roughly_stands_for_a_range() -> None:
    assert rough_numbers(normalize("听说有七十多万党员报到")) == {"70": (700_000, 800_000)}
    assert rough_numbers(normalize("六百七十多个车位")) == {"670": (670, 680)}
    assert rough_numbers(normalize("100多个社区")) == {"100": (100, 200)}
    assert rough_numbers(normalize("18年有多少党员报到")) == {"18": (2018, 2019)}
    low, high = rough_numbers(normalize("about 670 parking spaces"))["670"]
    assert low <= 673 < high and not low <= 800 < high
    assert rough_numbers(normalize("2018年有717000名党员报到")) == {}  # exact numbers stay exact
    # English shorthands for X多: more than X, below the next step.
    assert rough_numbers(normalize("600+ spaces?")) == {"600": (600, 700)}
    assert rough_numbers(normalize("a 100-plus communities")) == {"100": (100, 200)}
    assert rough_numbers(normalize("the nine-thousand-something figure")) == {"9000": (9000, 10_000)}
    assert rough_numbers(normalize("9,000-odd organisations")) == {"9000": (9000, 10_000)}


def test_a_scale_joined_by_a_hyphen_multiplies_its_number() -> None:
    assert normalize("nine-thousand-odd units") == "9000-odd units"
    assert normalize("a six-hundred-something figure") == "a 600-something figure"
    assert normalize("nine thousand one hundred seventy-five") == "9175"  # text2num still reads the whole


def test_every_floor_of_a_building_is_any_floor() -> None:
    assert every_floor(normalize("小楼的每一层都挂着党旗、党徽"))
    assert every_floor(normalize("a Party flag hangs on every floor"))
    assert not every_floor(normalize("三层小楼的一楼是老年餐桌"))
    assert not every_floor(normalize("the three-storey building"))


def test_what_a_question_sets_aside_is_not_asked_about() -> None:
    assert capitalised_names(set_aside("Apart from Hualongyuan Beili, which other estates use it?")) == []
    assert set_aside("除了西城区,还有哪个区开放了停车场?").startswith(" ,还有哪个区")
    assert capitalised_names(set_aside("Besides Beijing, did Shanghai do it?")) == ["shanghai"]
    # and what is set aside, to find the fact it points at
    assert aside("Besides street parking and malls, were state car parks opened?") == "Besides street parking and malls"
    assert aside("除了西城区,还有哪个区开放了停车场?") == "除了西城区"
    assert aside("Which car parks were opened?") == ""


def test_asks_what_tells_a_question_for_something_from_keywords_and_yes_or_no() -> None:
    assert asks_what(normalize("石景山100多个社区报到的党员都扮演啥角色")) and asks_what(normalize("what do the 717,000 do?"))
    assert not asks_what(normalize("社区减负 31项")) and not asks_what(normalize("Xicheng parking 673"))
    assert not asks_what(normalize("was it 150 tasks cut from communities' lists?"))


def test_what_a_question_contrasts_with_names_nothing_it_asks_about() -> None:
    assert capitalised_names(uncontrasted("Unlike Pudong, how many does Xicheng have?")) == ["xicheng"]
    assert capitalised_names(uncontrasted("Compared with Shanghai's lane houses, what troubles Xicheng?")) == ["xicheng"]
    assert capitalised_names(uncontrasted("Unlike Beijing, did Shanghai pilot it?")) == ["shanghai"]
    assert "上海" not in uncontrasted("与上海相比,北京有多少个街道试点了?")
    assert "上海" in uncontrasted("上海和北京,哪个试点的街道多?")  # a choice between two names is asked
    # what is set aside goes too; the words compared with no name stay
    assert uncontrasted("Besides Xicheng, compared to before, which districts?") == " ,  , which districts?"
    assert uncontrasted("Why is Party-building compared to a red thread") == "Why is Party-building  "


def test_a_common_word_opening_a_message_is_no_name() -> None:
    common = Vocabulary({"quick", "measure"})  # the engine's holds the model's words
    assert capitalised_names("Quick one — what did Xicheng open?", common) == ["xicheng"]
    assert capitalised_names("Measuring reach: how many did Haidian add?", common) == ["haidian"]  # by its stem
    assert capitalised_names("Haidian question: what opened?", common) == ["haidian"]  # a place opening stays one
    # a name with an apostrophe is one name; a possessive is not part of it
    assert capitalised_names("Did Guang'anmennei and Xicheng's malls open?", common) == ["guang'anmennei", "xicheng"]
    assert capitalised_names("I've a note. I'm asking: did Haidian open?", common) == ["haidian"]
    # a few words opening the message before a colon or dash set it up: their first is no name,
    # unless it sounds like a place of China
    assert capitalised_names("Quiz: is Xicheng's the first?", common) == ["xicheng"]
    assert capitalised_names("Boss wants a number — how many in Shijingshan?", common) == ["shijingshan"]
    assert capitalised_names("Haidian: how many?", common) == ["haidian"]
    assert capitalised_names("Shanghai resident here: how many?", common) == ["shanghai"]
    assert "summarising" in Vocabulary({"summarize"})  # British spelling, American model


@pytest.mark.parametrize(
    "question, held",
    [
        ("is this shi feng's fifth year as director?", {"5"}),
        ("what is on the 3rd floor?", {"3"}),
        ("how many times has he visited, his second visit?", {"2"}),
        ("what was the second thing the committee did?", set()),  # counts nothing a fact states
        ("the third-party evaluation", set()),
    ],
)
def test_ordinal_numbers(question: str, held: set[str]) -> None:
    assert ordinal_numbers(question) == held


def test_wade_giles_is_spelt_as_typed_without_apostrophes() -> None:
    assert wade_giles(["cai", "qi"]) == ["tsai", "chi"]
    assert wade_giles(["xi", "cheng"]) == ["hsi", "cheng"]
    assert wade_giles(["shi", "jing", "shan"]) == ["shih", "ching", "shan"]
    assert wade_giles(["lv", "yuan"]) == ["lu", "yuan"]  # ü typed as u


def test_a_pinyin_word_before_district_or_road_names_a_place_even_in_lowercase() -> None:
    common = Vocabulary({"suburban", "main"})
    assert place_names(normalize("how many leaders did haidian district add"), common) == ["haidian"]
    assert place_names(normalize("who lives on gaojing road"), common) == ["gaojing"]
    # English words, stopwords and typos of them name no place
    assert place_names(normalize("which district, the suburban district or the main road?"), common) == []
    assert place_names(normalize("can hutong residents park now"), common) == []
    # a name typed syllable by syllable is one name, not its last syllable (cheng is in xicheng)
    assert place_names(normalize("how many leaders did dong cheng district add"), common) == ["dongcheng"]
    assert place_names(normalize("did the main hai dian district add any"), common) == ["haidian"]


def test_a_quoted_line_points_at_a_passage_and_is_not_what_is_asked() -> None:
    assert unquoted("&gt; 今年两度迎来了蔡奇\nin what capacity did Cai Qi come back?") == "in what capacity did Cai Qi come back?"
    assert unquoted("> 不少在职党员都有一个共同感受\n> 第二行\nhow many reported in 2018?") == "how many reported in 2018?"
    # nothing quoted, or nothing asked after the quote: the message stays whole
    assert unquoted("how many reported in 2018?") == "how many reported in 2018?"
    assert unquoted("> 今年两度迎来了蔡奇\nwhy?") == "> 今年两度迎来了蔡奇\nwhy?"


def test_floors_are_read_in_both_languages_and_storeys_are_not_floors() -> None:
    assert floors(normalize("what do they use floor 3 of the building for?")) == {"3"}
    assert floors(normalize("the third (top) floor, the 2nd floor and the ground floor")) == {"3", "2", "1"}
    assert floors(normalize("小楼的三楼是老兵之家,一楼是活动室")) == {"3", "1"}
    assert floors(normalize("1座3层小楼,老牌餐馆东兴楼,每一层")) == set()
    assert floors(normalize("hetaoyuan 3F, what's up there")) == {"3"}  # as floors are signed in China
    assert floors(normalize("核桃园2F是干啥的")) == {"2"}
    assert floors(normalize("3ft tall, 1.5f, 0x3f")) == set()
    # the top floor: the highest one the facts name, which the engine reads from its candidates
    assert floors(normalize("what's on the top floor?")) == floors(normalize("顶层是干嘛的")) == {"top"}
    assert floors(normalize("最高一层")) == {"top"}


@pytest.mark.parametrize("text", ["", "\n\n", "。。。", "> ", "&gt;\n&gt;", "?" * 1000, "\x00\x07", ":" * 50])
def test_odd_input_reads_as_no_context_quote_floor_figure_or_question_word(text: str) -> None:
    assert asking_sentences(text) is None
    assert unquoted(text) == text
    assert floors(normalize(text)) == set() and not every_floor(normalize(text))
    assert aside(text) == "" and set_aside(text) == text
    assert place_names(normalize(text)) == []
    assert asked_figures(normalize(text)) == set() and asked_kind(normalize(text)) is None


@pytest.mark.parametrize(
    "question, kind",
    [
        ("why did beijing cut the workload?", "reason"),
        ("社区减负是为了什么,为什么要减", "reason"),
        ("how long has shi feng been director?", "duration"),
        ("how many years has he served?", "duration"),
        ("史峰当主任多久了", "duration"),
        ("how old is the laojiefang volunteer group?", "duration"),  # how long a group has existed
        ("laojiefang founded when?", "duration"),
        ("when was the volunteer group set up?", "duration"),
        ("how many parking spaces were added?", None),  # a quantity
        ("who is the director?", None),
        ("how long and why?", "duration"),  # the first asked
        # a purpose or a point asks why in other words
        ("what's the point of linking up mass organisations?", "reason"),
        ("what was the purpose of the campaign?", "reason"),
        ("what were they trying to achieve?", "reason"),
        ("减负的目的是什么", "reason"),
        ("what is the campaign?", None),
        # how long asked as whether it has been long ("is this his first year?", "new to the job")
        ("is this shi feng's first year as director?", "duration"),
        ("is the director new to the job?", "duration"),
        ("which year of his term is this?", "duration"),
        ("史峰当主任第几年了", "duration"),
        ("what happened in the first round?", None),
    ],
)
def test_asked_kind(question: str, kind: str | None) -> None:
    assert asked_kind(normalize(question)) == kind


@pytest.mark.parametrize(
    "question, figures",
    [
        ("What's the 31 in the burden-reduction campaign?", {"31"}),
        ("what does the figure 150 stand for?", {"150"}),
        ("the number 150 in the burden-reduction part - what does it refer to?", {"150"}),
        ("31项指的是什么", {"31"}),
        ("文中的150是什么", {"150"}),
        ("212 - what's that number about in the staffing part?", {"212"}),  # the figure opens the question
        ("What does 31 count in the burden-reduction figures?", {"31"}),  # asked by what it counts or means
        ("31 stands for what?", {"31"}),
        ("what did 2018 bring?", set()),
        ("2018: what happened that year?", {"2018"}),
        ("212 section-level leaders - where did they go?", set()),  # it counts leaders
        ("how many of the 150 items were cut?", set()),  # a count of items, not the figure asked about
        ("what is the five-party arrangement?", set()),  # part of a word
    ],
)
def test_asked_figures(question: str, figures: set[str]) -> None:
    assert asked_figures(normalize(question)) == figures


@pytest.mark.parametrize(
    "question, offered",
    [
        ("quick check: is it 637 or 673 new parking spaces?", [{"637", "673"}]),
        ("how old is the group - 5 years or 10?", [{"5", "10"}]),  # a unit word after the first
        ("which district - Dongcheng or Xicheng?", [{"dongcheng", "xicheng"}]),
        ("是2018年还是2019年?", [{"2018", "2019"}]),
        ("小院在东城区还是西城区?", [{"东城区", "西城区"}]),  # jieba's words either side of 还是
        ("which district is the courtyard in, 东城 or 西城?", [{"东城", "西城"}]),  # Chinese names, an English "or"
        ("how many parking spaces were added?", []),
        # a list, or ranges, of numbers
        ("a 2-storey, 3-storey or 5-storey block?", [{"2", "3", "5"}]),
        ("service posts per member - 1 to 2, or 2 to 3?", [{"2"}, {"1", "2", "3"}]),
        ("is it 1-2 teams each, or up to 3?", [{"1", "2", "3"}]),
    ],
)
def test_alternatives_a_question_offers(question: str, offered: list[set[str]]) -> None:
    assert alternatives(normalize(question)) == offered


@pytest.mark.parametrize(
    "question, referred",
    [
        ("How many of the 9,175 organisations are state-owned?", {"9175"}),
        ("西城那212名科级领导分到了多少个街道?", {"212"}),
        ("那些100多个社区在哪", {"100"}),
        ("how many of them are state-owned?", set()),
        ("how many organisations reported, 9,175?", set()),  # a figure offered to confirm, not referred to
        ("西长安街新增了多少个车位?是673个吗", set()),
    ],
)
def test_referred_numbers(question: str, referred: set[str]) -> None:
    assert referred_numbers(normalize(question)) == referred
