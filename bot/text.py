"""Normalising text before matching: the same function runs on questions and on facts."""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Container, Iterable
from functools import lru_cache
from typing import Callable

import opencc
import rjieba
import Stemmer
from pypinyin import Style
from pypinyin.style import convert as convert_pinyin
from text_to_num import alpha2digit

from bot.answer import Language

_T2S = opencc.OpenCC("t2s")
_STEM = Stemmer.Stemmer("english")

# Slack markup: <@U123>, <#C1|name>, <!here>, <!subteam^S1|@team>, <https://x|label>, <https://x>.
# Someone addressed (<@U123|chen>, or "@Chen" typed as plain text) is not what the question is about.
_ADDRESSED = re.compile(r"<@[^>|]*\|[^>]*>|(?<![\w.@<])@[\w.-]+")
_SLACK_LABELLED = re.compile(r"<(?:[#@!][^>|]*|(?:https?|mailto):[^>|]*)\|([^>]*)>")
_SLACK_BARE = re.compile(r"<[#@!][^>]*>|<(?:https?|mailto):[^>]*>")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u00ad]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z]+|\d+(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# Chinese numerals: "71.7万" -> 717000, "一百五十" -> 150, "两" -> 2 (only where a number stands).
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL = re.compile(
    # before a measure word (一个, 两度, 三层), or a numeral with a unit that starts with a digit
    # or is 十 (一百五十, 十五): a bare 百 or 千 is a word (老百姓, 千万), not a number.
    # A weekday (星期六, 礼拜六日, 周六) is no number.
    r"(?<![拜期周])[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?=[万亿]?[个名项家层岁次年月日度支人位条所座户倍届期种批号方])"
    r"|[一二两三四五六七八九][十百千][零〇一二两三四五六七八九十百千]*|十[一二三四五六七八九]"
)
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


class _Glossary:
    """Terms written one way, read as another: each term of ``table`` (the longest first) where the
    lookarounds ``before`` and ``after`` allow, replaced by its value."""

    def __init__(self, table: dict[str, str], before: str = "", after: str = ""):
        self._table = table
        terms = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
        self._pattern = re.compile(f"{before}({terms}){after}")

    def __call__(self, text: str) -> str:
        return self._pattern.sub(lambda m: self._table[m.group(1)], text)


_EN_NUMBER = _Glossary({
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twice": "2",
}, before=r"\b", after=r"\b")
# Chat shorthand for English words ("how many ppl", "govt depts", "this yr"), and Peking, the old name.
_SHORTHAND = _Glossary({
    "ppl": "people", "govt": "government", "dept": "department", "depts": "departments",
    "yr": "year", "yrs": "years", "mgmt": "management", "cttee": "committee", "approx": "approximately",
    "info": "information", "pls": "please", "u": "you", "ur": "your", "r": "are", "w/": "with", "b/c": "because",
    "bc": "because", "abt": "about", "mtg": "meeting", "peking": "beijing", "# of": "number of", "no. of": "number of",
    "gov": "government", "govs": "governments", "biz": "business", "dist": "district", "nbhd": "neighbourhood",
    "natl": "national", "thru": "through", "plz": "please", "cos": "because", "coz": "because", "w/o": "without",
    "hq": "headquarters", "mgr": "manager", "mgrs": "managers", "cmte": "committee", "admin": "administration",
    "whos": "who is", "whats": "what is", "wheres": "where is", "hows": "how is", "whens": "when is",
    "payed": "paid",  # the common misspelling, which the typo reader would take for "played"
}, before=r"(?<![\w/@.&'-])", after=r"(?![\w/@.&'-])")
# Formal written Chinese asks in classical words (王风系何人,现任何职?): in plain words, which
# the segmenter and the facts know (是谁, 什么职务). 何人 inside 任何人 or 如何 is no question.
_ZH_FORMAL = _Glossary({
    "系何人": "是谁", "何人": "谁", "何职": "什么职务", "现任何职": "现任什么职务", "担任何职": "担任什么职务",
    "何时": "什么时候", "何处": "哪里", "何地": "哪里", "何种": "什么", "何为": "什么是", "有何": "有什么", "为何": "为什么",
}, before="(?<![任如为几奈若无])")
# Cantonese written as spoken (Hong Kong, Guangdong): its own characters and phrases, read as the
# Mandarin they stand for. Only ones Mandarin does not use (係 is 系 once simplified, and 系 is Mandarin).
_CANTONESE = _Glossary({
    "乜嘢": "什么", "咩": "什么", "嘅": "的", "啲": "些", "冇": "没有", "佢哋": "他们", "佢": "他", "哋": "们",
    "喺": "在", "咗": "了", "嚟": "来", "睇": "看", "嘢": "东西", "嗰": "那", "揾": "找", "几多": "多少",
    "点样": "怎样", "边个": "谁", "点解": "为什么", "边度": "哪里", "系唔系": "是不是", "系咪": "是不是",
    "使唔使": "要不要", "唔": "不", "几时": "什么时候",  # 几时 is Mandarin's colloquial when, too: no count
})
# 付 for 副 (both fu) is the commonest slip of a pinyin keyboard before a title: 付书记 is a deputy secretary.
_VICE = re.compile(r"付(?=书记|主任|部长|院长|校长|局长|区长|市长|县长|镇长|主席|秘书长|处长|科长|所长|组长|总经理)")
# Beijing speech adds 儿 to words (小院儿, 这事儿, 多会儿): the word is the same without it.
# Not where 儿 is a child or a son (儿童, 儿子, 幼儿, 女儿, 婴儿).
_ERHUA = re.compile(r"(?<=[\u4e00-\u9fff])(?<![女幼婴孤健男胎孩宠少托患育妻侄孙哥娘])儿(?![童子女科孙歌媳])")
# "seven hundred thousand" is 700000, "9 thousand" 9000: scales after a number multiply it.
_EN_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALES = "|".join(_EN_SCALE)
_EN_SCALED = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s+({_SCALES})\b")
# "nine-thousand-something": a hyphen before a scale joins it as a space does.
_SCALE_HYPHEN = re.compile(rf"(?<=[a-z\d])-(?=(?:{_SCALES})\b)")
# Numbers spelled out from ten up, read by text2num. A year said aloud ("twenty seventeen")
# leaves out the hundreds, which text2num needs said.
_TENS_AND_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPELLED = re.compile(rf"\b(?:{_TENS_AND_TEENS}|{_SCALES})\b")
_A_SCALE = re.compile(rf"\ba ({_SCALES})\b")  # "a hundred" is one hundred
_SPOKEN_YEAR = re.compile(rf"\b(nineteen|twenty)[ -](?=(?:{_TENS_AND_TEENS})\b)")
_DECADES = re.compile(r"(?<![\d.])(\d+)\s+decades?\b")  # "two decades" is 20 years
# Chat shorthand for a scale: "717k" is 717000, and "71.7w" (w for 万, wan) is 717000 too.
_SCALE_LETTER = {"k": 1_000, "w": 10_000}
_LETTER_SCALED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)([kw])(?![a-z])")

# A question that asks for a quantity: only a fact that states one can answer it.
_ASKS_QUANTITY = re.compile(
    r"多少|(?<![哪那好第])几(?![乎楼])|多大|多久|多长|数量|人数|how many|how much|how long|how old|how big|how large|number of|what number|amount of"
    # how often: "just once or more?", "more than once?"
    r"|how often|\bonce\b[^.?!]{0,30}\bor (?:twice|more)\b|\bmore than once\b"
    # a count asked as a noun: "parking count", "what's the count of ...", headcount
    r"|\bcount of\b|\bhead ?count\b|\bcount\s*\??$"
)
# A fact states a quantity if its Chinese text has a number in digits or one of these words.
_QUANTITY_WORDS = re.compile(r"[02-9]|\d{2,}|半|大批|数次|多次|上百|上千|每个?(?:周末|周|天|月|年)")  # a lone 1 is 一名/一处: an article

# Questions that ask for a particular kind of quantity, and what a fact's own text (source and
# answers) must say to answer them: 蔡奇多大年纪 is not answered by "he came twice".
_KINDS = {
    "an age": (r"多大年纪|多大岁数|今年多大|几岁|多少岁|年龄|年纪|how old|\bage\b", r"岁|年历史|years old|years? of history"),
    "a month or day": (
        r"几月|哪个月|哪月|几号|哪一天|哪天|which month|what month|what date|what day|\bexact (?:date|day)|\bdates\b",
        # With a number: 口号 (a slogan) and 日常 (daily) are no dates.
        r"\d\s*[月日号]|[上中下]旬|月[初底中]|\bmonths?\b|\bdays?\b|\bdates?\b"
        r"|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b",
    ),
    "a time": (
        # A 'when' opening a question asks a time if a verb or 'exactly' follows it, or no comma
        # does: "When Cai Qi went back, was he ...?" opens with a clause.
        r"什么时候|何时|哪1?年|what year|which year|\bwhen (?:did|do|does|is|was|were|will)\b"
        r"|^when\b(?:(?= (?:is|are|was|were|do|does|did|will|would|can|could|has|have|had|exactly|roughly)\b)|(?![^,?]*,))",
        # or an occasion: 在集中活动时, during group activities
        r"\d{4}|今年|去年|月|日|周末|每周|假期|year|month|week|在[^,。]{1,12}时|\bduring\b|\bwhenever\b",
    ),
    "a price or pay": (
        r"多少钱|花了多少|价格|价钱|工资|薪水|费用?(?:是|要|收|交)?多少|多少.?费|收多少|how much money|(?<!low[- ])\bcosts?\b"
        r"|(?<!low[- ])\bprice|salary|\bwages?\b|\bpaid\b(?! for| (?:a |\d+ )?visits?\b)|(?<!in )(?<!overall )\bcharges?\b(?! of| collect| rate)|how much\b[^?.]*\b(?:fees?|rent)\b|怎么收费|收费标准",
        r"\d\s*(?:元|万元|块)|免费|\byuan\b|\bfree\b",
    ),
    # A fine is a penalty ("fine-grained" is no fine).
    "a fine": (
        r"罚款|罚金|罚多少|\bpenalt(?:y|ies)\b|\bfined\b|\b(?:the|a|any) fines?\b(?!-)",
        r"罚|\bpenalt|\bfined?\b|\bfines\b",
    ),
    # "How much per hour": a charge by the hour, which a fact giving no hours ("free land") does not state.
    "an hourly charge": (
        r"\bper hour\b|\bhourly\b|\ban hour\b|每小时|每个小时|一小时|一个小时",
        r"小时|\bhours?\b",
    ),
    "a monthly charge": (
        r"\bper month\b|\bmonthly\b|\ba month\b|每个?月|一个月|1个月",
        r"每个?月|月租|包月|\bper month\b|\bmonthly\b|\ba month\b",
    ),
    # What parking costs: land lent "free of charge" for a car park says nothing of its fees.
    "a parking fee": (
        # Asked, not mentioned: 拿停车费买门禁 spends the fees, "without charge for parking" asks if it is free.
        r"停车(?:场)?(?:费)?(?:是|要|收)?(?:多少钱?|怎么收费?|收费(?:多少|标准|吗)|怎么算|贵不贵|要钱|要花钱|收钱)"
        r"|(?:what|how much)(?: is| are|'s| were| was)? the (?:parking|car park) (?:fees?|charges?|rates?|costs?|prices?)"
        r"|\bcosts? to park|\bpay (?:for|to) park|(?<!without )(?<!free of )\bcharged? (?:for|to) park",
        r"停车费|免费停车|停车免费|收费停车|停车.{0,4}(?:\d\s*元|块)|parking (?:fees?|charges?)|free parking|park(?:ing)? for free"
        r"|\d\s*yuan (?:an? |per )?(?:hour|day|month)",
    ),
    # A deadline is a time by which something must be done: a year something happened is none.
    "a deadline": (
        # "the deadline for ...", not the asker's own ("journalist here, on deadline: ...")
        r"\b(?:the|a|any) deadline|\bdeadline (?:for|to|of|by)\b|截止日期|截止时间|最后期限|期限|by when|什么时候之前|哪年之前",
        r"deadline|截止|期限|之前|以前|年底前|月底前|\bby (?:the end of )?(?:19|20)\d\d|\bbefore\b",
    ),
    # An award or a prize won ("did the balcony campaign win any award?").
    "an award": (
        r"\b(?:win|won|get|got|receive|received)\b[^?.]{0,30}\b(?:awards?|prizes?)\b|获奖|得奖|获得.{0,6}(?:奖|称号|荣誉)|评为",
        r"\bawards?\b|\bprizes?\b|奖|荣誉|称号|头筹|\bwon\b|\bwinning\b|champion|冠军",
    ),
    "a clock time": (
        r"几点|营业时间|开放时间|(?<!during )what time(?![-\w])|opening (?:hours|times)|\bopen(?:ing)? hours"
        r"|when does [^?]{1,40} (?:open|close)\b",
        r"\d+点|o'clock|\d:\d\d|营业时间|开放时间|opening (?:hours|times)",
    ),
    "an area": (r"平方米|面积|square met|hectare|\bacres?\b", r"平方米|亩|公顷|square met|hectare|acre"),
    "a population": (
        r"人口|多少居民|多少户|多少家庭|population|how many (?:people|residents|households|families|homes|flats|apartments)\b[^?.]{0,20}\blive",
        r"人口|\d+户|population|\bhouseholds\b",
    ),
    "a country": (
        r"哪个国家|哪国|什么国家|which country|what country",
        r"中国|美国|英国|法国|德国|日本|韩国|俄罗斯|加拿大|澳大利亚|意大利|新加坡|china|america|\bus\b|\busa\b|britain|\buk\b"
        r"|england|france|germany|japan|korea|russia|canada|australia|italy|singapore",
    ),
    "a birth": (
        r"出生|生日|哪里人|籍贯|老家|\bborn\b|\bbirth|hometown|where (?:is|was|does) \w+ (?:\w+ )?(?:from|come from)",
        r"籍贯|老家|出生|生于|\bborn\b|native|\bbirth",
    ),
    "a duration": (
        r"how long (?:has|have|had|did|does|do|is|was|will)\b|for how long|多久|多长时间|几年了|多少年了",
        r"年|\byears?\b|\bmonths?\b|个?月|\bweeks?\b|周|\bdays?\b|天|since|以来|至今",
    ),
    # A count of years is held by a span of them (20年, 两年, 第三年, for years), not by a year (2018年, 今年).
    "a number of years": (
        r"多少年|(?<![哪第这近前那去头])几年(?!级)|how many years",
        r"(?<![\d今去明前后当每])(?:\d{1,2}|[一二三四五六七八九十两几多数])\s*(?:个)?年(?!级|代|底|初)|年来|\b\d{1,2} years\b"
        r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|many|several|some) years\b|\bfor years\b",
    ),
    # What came of something: a fact that a mechanism is used to settle conflicts says nothing settled.
    "an outcome": (
        r"解决了(?:哪些|哪件|哪个|什么|啥)(?:具体)?(?:问题|矛盾|烦心事|难题|事|$|[?？,，])|(?:哪些|什么|啥)(?:具体)?(?:问题|矛盾|烦心事)(?:被|给)?解决了"
        r"|(?:效果|结果|成效)(?:到底)?(?:怎么样|如何|咋样|好不好)"
        r"|what (?:were|was|are|is) the (?:results?|outcomes?|effects?)\b"
        r"|\b(?:which|what) (?:specific )?(?:problems|issues|conflicts|disputes) (?:did|has|have|were|got) [^?]{0,50}\b(?:solve|resolve|fix|settle)",
        r"解决了|化解了|得到(?:了)?解决|已经解决|解决掉|缓解|不再|少了|提高|提升|增加|下降|减少|成效|效果|满意|结果"
        r"|resolved|solved|fixed|eased|improved|no longer|fewer|reduced|results?\b|outcomes?\b|succeeded|success",
    ),
    # How a game or a scheme works by its rules: 冰壶比赛的规则是什么 is not answered by who won.
    "rules": (
        r"规则|怎么玩|玩法|\brules of\b|\bthe rules\b|how (?:do you|to) play",
        r"规则|玩法|\brules?\b|\bregulations?\b|规定|制度|清单",
    ),
    # A total is a count: 北京一共有多少个街道乡镇 is not answered by "half of them".
    "a total": (
        r"一共|总共|总数|合计|in total|altogether|total number|\bin all\b(?! [a-z])",
        r"[02-9]|\d{2,}",  # a lone 1 is 一年, 一名: an article
    ),
    # Relations the words of a fact about the same person or place do not give.
    "an earlier time": (
        # "before I recommend it" is the asker's own plan, not a time asked about
        r"之前|以前|此前|\bbefore\b(?! (?:i|we|you)\b)|previously|used to (?:be|have|do|work|live)\b|\bprior\b",
        r"之前|以前|此前|过去|曾|原来|原先|原本|不再|不用再|\bbefore\b|previously|used to|former|earlier|\bpast\b|\bonce\b|\bago\b"
        r"|\bprior\b|no longer|any ?more\b",  # what is no longer done was done before
    ),
    "a companion": (
        r"陪同|陪着|陪他|和谁一起|(?<!谁)跟谁|(?:跟|和|与|同)(?:哪些|哪几位|哪位)(?:居民|人|群众|党员|百姓)|同行的|accompan|went with|along with whom?\b|\bwho\b[^?.]{0,40}\balong with",
        r"陪同|陪着|一同|一起|同行|共同|联合|携手|accompan|together|along with|joined by|worked with|teamed up with|alongside",
    ),
    "a founder": (
        r"创始人|创办人|谁创办|谁创立|发起人|谁发起|founder|who founded|who established"
        r"|谁[^?？,，]{0,3}办起|谁组建|由谁(?:发起|创办|创立|成立|组建)|\bwho (?:started|set up|launched|initiated|began)\b",
        r"创始|创办|创立|发起|组建|创建|首创|牵头|带头|founded|founder|formed|set up|started|launched|established|initiated"
        r"|created|\bbuilt\b|pioneer|came up with",
    ),
    # What befalls someone who falls short: a fact that sets a rule says nothing of a penalty.
    "a consequence": (
        r"\bwhat happens (?:to|if|when)\b[^?]{0,60}\b(?:fewer|less|fails?|miss(?:es)?|doesn't|does not|don't|do not|skips?|breaks?|refuses?)\b"
        r"|\bwhat (?:is|are) the (?:penalt|consequence|sanction)|\bpenal(?:ty|ties|ised|ized)\b|\bpunish|\bsanction"
        r"|什么后果|受到什么处|处罚|处分|惩罚|(?:不|没|少于)[^?？,，]{0,12}会怎(?:么)?样",
        r"处罚|处分|惩罚|后果|通报|批评|问责|扣分|penalt|punish|sanction|disciplin|consequence|expelled|warned|\bwarning\b",
    ),
    # A count of those that did not: a fact that counts those that did says nothing of the rest.
    "a count of those that did not": (
        r"(?:多少|几(?!乎))[^?？,，]{0,10}(?:没有|没人|未曾?|不曾)|\bhow many\b[^?]{0,40}\b(?:did not|didn't|have not|haven't|has not|hasn't|never)\b",
        r"没有|未|无|did not|didn't|have not|haven't|has not|hasn't|never|\bnone\b|\bno one\b",
    ),
    # An exact count: "several times" (数次) and 多轮 are no answer to "exactly how many".
    "an exact count": (
        r"\bexact(?:ly)? (?:how many|how much|number|figure|count)|\bprecise (?:number|figure|count)|具体(?:是)?(?:多少|几)"
        r"|确切(?:的)?(?:数字|数量|人数|多少)",
        r"(?<![\d.])(?:[02-9]|\d{2,})",
    ),
    "a founding": (
        r"(?:哪1?年|什么时候|何时|几几年)[^?？]{0,6}(?:成立|创立|创办|建立|组建)"
        r"|(?:成立|创立|创办|建立|组建)(?:于|在|的|是)?(?:哪1?年|什么时候|何时)"
        r"|when (?:was|were|did)\b[^?]{0,60}\b(?:founded|established|set up|created|formed)\b"
        r"|what year (?:was|were|did)\b[^?]{0,60}\b(?:founded|established|set up|created|formed)\b",
        r"成立|创立|创办|建立|组建|历史|founded|established|set up|formed|history|since|years? old",
    ),
    "a rate or share": (
        r"率(?:是|有|为)?多少|满意度(?:是|有|为)?(?:多少|多高)|多少比例|比例是多少|占比|百分之几|what (?:percentage|proportion|share)\b"
        r"|(?:what|how high)(?:'s| is| was) the [a-z -]{0,30}\brate\b|\bwhat (?:[a-z-]+ ){0,2}rate (?:did|does|do|was|is)\b"
        r"|\b(?:any|a|the|what) percentages?\b",
        # A value, not the word: "a low collection rate" (收费率低) gives no rate.
        r"%|百分|分之|(?:\d|[一二三四五六七八九])成(?![立为功员果绩本就])|一半|percent|\bhalf\b|\d/\d",
    ),
    "an address": (
        r"地址|门牌|住址|(?:the|its|an|his|her|their|exact|street|home|postal) address\b|\baddress of\b|street number|house number",
        r"地址|门牌|住址|\d+号|address|street number|house number",
    ),
    # What someone said: a fact that reports no words of theirs does not answer it.
    "what was said": (
        r"(?<!是)(?:说了(?:些)?什么|说了啥|讲了(?:些)?什么|讲了啥)|原话|what did [^?.]{1,40}\b(?:say|tell)\b(?! (?:they|that|he|she|it|we|you|about|of)\b)"
        r"|\bexact words\b|\bwhat [^?.]{1,40}\bsaid to (?:the )?(?:residents|people|locals|neighbours|neighbors|them|reporters)\b",
        r"说|讲|表示|介绍|指出|称|认为|谈到|提到|反映|通知|告诉|“|\bsaid\b|\bsays\b|\bsay\b|\btold\b|according to|\bput it\b"
        r"|\bquoted?\b|\bin (?:his|her) words\b|\bnotices?\b",
    ),
    # A score or rating given: a fact that says an evaluation was made gives no score.
    "a score": (
        r"(?:what|which) (?:[a-z-]+ ){0,2}(?:score|rating|grade|mark)s?\b|(?:what|which) (?:[a-z'-]+ ){0,3}(?:scores|ratings)\b"
        r"|打了?多少分|得了?多少分|评分是多少|几分",
        r"\d\s*分|\d(?:\.\d+)?\s*(?:points?|%|/\d)|\bscored?\b|评分|打分",
    ),
    # When someone took up a post: a fact about what they did in it does not say.
    "the start of a post": (
        r"\bwhen did [^?]{1,40}\b(?:become|take up|take over|take office|get the job|start as|start in|join as)\b"
        r"|\bwhat year did [^?]{1,40}\b(?:become|take up|take over|take office)\b"
        r"|(?:哪1?年|什么时候|何时|几时)[^?？,，]{0,6}(?:当上|担任|上任|出任|就任|成为|开始担任|接任)",
        r"上任|就任|出任|接任|任职|当上|第\d+年|became|appointed|took office|took over|took up|since \d{4}|\d+(?:st|nd|rd|th) year",
    ),
    # The papers or steps a procedure takes: "after the relevant procedures" names none.
    "the paperwork": (
        r"\b(?:what|which) (?:paperwork|documents|papers|forms|id)\b|\bpaperwork (?:do|does|did|would|will) [^?]{0,30}\b(?:need|bring)|\bdocuments? (?:do|does|did|would|will) [^?]{0,30}\b(?:need|bring)"
        r"|\bneed to bring\b|带什么材料|(?:需要|要)(?:哪些|什么)材料|什么证件|哪些证件|(?:哪些|什么)手续|手续(?:有|是)?(?:哪些|什么)",
        r"材料|证件|证明|身份证|户口本|行驶证|驾驶证|申请表|\bdocuments?\b|\bpaperwork\b|\bid cards?\b|\bproof of\b|licen[cs]e|\bforms?\b",
    ),
    # Another instalment of a series: the fact about this one (下篇, part 2) says nothing of part 1.
    "another instalment": (
        # (not where it offers this one too: "is this part one or part two?")
        r"^(?![^\n]*(?:下篇|\bpart (?:two|2)\b|\bsecond (?:part|instalment|installment)\b))[^\n]*?"
        r"(?:上篇|上1篇|前1篇|\bpart (?:one|1)\b|\bfirst (?:part|instalment|installment)\b|\bprevious (?:part|instalment|installment)\b)",
        r"上篇|\bpart (?:one|1)\b|\bfirst (?:part|instalment|installment)\b",
    ),
    # Whom a team beat: a fact that says it won gives no opponent.
    "an opponent": (
        r"\b(?:beat|beaten|defeat(?:ed)?|opponents?)\b|\bagainst (?:whom|which team|who)\b|打败|击败|战胜|对手",
        r"\b(?:beat|beaten|defeat(?:ed)?|opponents?|against)\b|打败|击败|战胜|对手|对阵",
    ),
    "a predecessor or successor": (
        r"前任|上一任|继任|接任|接替|\bpredecessors?\b|\bsuccessors?\b|\bsucceeded\b|\breplaced\b",
        r"前任|上一任|继任|接任|接替|predecessor|successor|succeeded|replaced|took over",
    ),
    # A subject taught: a fact that says someone teaches at a university does not say what.
    "a subject taught": (
        r"\b(?:what|which) subjects?\b[^?.]*\bteach|\bteach(?:es|ing)?\b[^?.]*\b(?:what|which) subjects?\b|教什么课|教哪门",
        r"课|学科|专业|\bsubjects?\b|\bclass(?:es)?\b|\blessons?\b|\bcourses?\b",
    ),
    "a university": (
        r"哪所大学|哪个大学|什么大学|哪所学校毕业|大学(?:里)?学的|学什么专业|什么专业"
        r"|which university|what university|which college|\bat university|\bat college",
        # a university named, where it was studied or a degree: "university students" name none
        r"[\u4e00-\u9fff]{2}大学(?!生|老师|教师|里)|\b(?!(?:a|an|the|her|his|their|of|at|from|and|to|in)\b)[a-z]+ university\b"
        r"|university of [a-z]|毕业|graduat|学历|\bdegree\b",
    ),
}
# "How many 名 (people)" is answered only by a fact that counts people (多少个人 too): 多少名志愿者 is not
# answered by "a group with 5 years of history". 个 counts anything, so a question's 个 says
# nothing, and a fact's 个 answers any count but a count of people (news counts people in 名).
_COUNTERS = {"名": "名位人", "位": "名位人", "人": "名位人", "项": "项个", "支": "支个", "家": "家个", "所": "所个", "户": "户个", "次": "次度回"}
_ASKS_COUNT = re.compile(r"(?:多少|(?<![哪好])几)个?(" + "|".join(_COUNTERS) + ")")
# The same in English: "how many volunteers" is a count of people, which a fact gives in 名, 位 or 人.
_ASKS_PEOPLE = re.compile(
    # Up to two words of description between, not a verb: "how many communities did members report to" counts communities.
    r"\bhow many (?:(?!(?:did|do|does|have|has|had|were|are|was|is|will|can)\b)[a-z-]+ ){0,2}"
    r"(?:people|persons|volunteers|members|residents|staff|employees|officials|cadres"
    r"|leaders|teachers|students|children|kids|seniors|workers)\b"
)
_COUNTED = {c: re.compile(r"\d[\d.]*\s*[万千百]?[多余]?\s*[" + held + "]") for c, held in _COUNTERS.items()}
_KIND_PATTERNS = {kind: (re.compile(asks), re.compile(holds)) for kind, (asks, holds) in _KINDS.items()}
# Levels of government and of rank: a question about one is not answered by a fact about another.
# By what they mean: 全市 and "city-wide" are the city's level (how far a contest reached), as 市级 is.
# A contest's reach in English is the word before it: "a national (dryland curling) title", "city contests".
_CONTEST = r"(?: [a-z-]+){0,2} (?:championships?|titles?|competitions?|contests?|finals?|tournaments?|leagues?|matches|games)\b"
_LEVEL_GROUPS = (
    r"国家级|全国|national-level|nationwide|\bnational" + _CONTEST,
    r"省级|全省|provincial",
    r"市级|全市|municipal|citywide|city-wide|\bcity" + _CONTEST,
    r"区级|全区|district-level|\bdistrict" + _CONTEST,
    r"县级|county-level",
    r"街道级",
    r"部级",
    r"局级",
    r"处级",
    r"科级",
)
_LEVELS = {group.split("|")[0]: re.compile(group) for group in _LEVEL_GROUPS}
# Stages of schooling, by what they mean: a secondary-school teacher is not a university one.
_SCHOOLING = {
    "primary school": re.compile(r"小学|primary[- ]school|elementary[- ]school"),
    "secondary school": re.compile(r"中学|初中|高中|secondary[- ]school|middle[- ]school|high[- ]school"),
    "university": re.compile(r"大学|高校|university|college"),
}
# Sports, by what they are: a figure-skating team is not a curling or a hockey team.
_SPORTS = {
    "curling": re.compile(r"冰壶|curling"),
    "hockey": re.compile(r"冰球|曲棍球|hockey"),
    "skating": re.compile(r"滑冰|花滑|速滑|skating|skaters?\b"),
    "skiing": re.compile(r"滑雪|跳台|\bski(?:ing|ers?|s)?\b|snowboard"),
    "football": re.compile(r"足球|football|soccer"),
    "basketball": re.compile(r"篮球|basketball"),
    "volleyball": re.compile(r"排球|volleyball"),
    "table tennis": re.compile(r"乒乓|table tennis|ping[- ]?pong"),
    "badminton": re.compile(r"羽毛球|badminton"),
    "swimming": re.compile(r"游泳|swimming|swimmers?\b"),
}
# A question that asks for a name: only a fact that names someone or something can answer it.
_ASKS_NAME = re.compile(
    r"叫什么名字|什么名字|名字叫|叫啥名|哪家公司|哪家企业|哪家机构|哪个检察院|哪个法院|哪所大学|哪个大学|哪(?:个|家|些)单位"
    r"|what(?:'s| is| was) (?:the|his|her|its|their) name|\bname of the\b|what(?:'s| is| was| were) [^?]{1,80}\bcalled\b"
    r"|which (?:[a-z-]+ )?(?:company|firm|university|school|court|procuratorate|(?:government )?departments|organi[sz]ations|units"
    r"|agencies|companies|firms|malls?|shops?|restaurants?|hotels?|hospitals?|clinics?|brands?|makers?|manufacturers?|suppliers?|vendors?)"
    r"|what (?:brand|make)\b|什么牌子|哪个牌子|什么品牌|哪个品牌|哪家厂"
)


# "How many students": the thing counted, which a fact must speak of to answer the count.
_COUNTED_THING = re.compile(r"\b(?:how many|number of)((?: [a-z]+(?:'s)?)+)")
# "How many of those ...": the thing was named before.
_COUNT_BACK = re.compile(r"^ of (?:those|these|them|it|which)\b")
# Words between "how many" and the thing that say how it is counted, not what.
_COUNT_MODIFIERS = frozenset("extra additional more new different separate other total whole individual".split())
# Words right after "how many" that end the count: the thing was named before ("... - how many exactly?").
_COUNT_ENDS = frozenset("exactly precisely roughly approximately altogether overall".split())
_COUNTED_WORDS = 2


# The same in Chinese: 多少个街道, 几套门禁 (not 哪几 or 好几, which ask which or say "several",
# nor 第几, an ordinal). The counter is skipped; an amount of time is no thing.
_ZH_COUNTED_THING = re.compile(r"(?:多少|(?<![哪好第])几)([\u4e00-\u9fff]+)")
_ZH_COUNTERS = "".join(_COUNTERS) + "个套座条种件辆批处"
_ZH_MEASURES = frozenset({"时间"})  # (a single character, 年 or 钱, is no thing anyway)


def counted_thing(normalized: str) -> list[str]:
    """Return the words that may name the thing counted after "how many" or "number of".

    The first content word and the next, unless a stopword comes between: "how many
    institutional Party organisations" counts organisations, "how many students attend ..."
    students or attending (no tagger says which word is the noun; two leave room for one word
    describing it without reading on into the verb and the rest of the question).
    In Chinese, jieba's word right after the counter, if it may be a noun (not 针对, 多次).
    """
    chinese = _ZH_COUNTED_THING.search(normalized)
    if chinese:
        rest = chinese.group(1)
        rest = rest[1:] if rest[0] in _ZH_COUNTERS else rest
        if rest.startswith("人"):
            return []  # 几个人: people, which the counter guard reads
        word, flag = next(iter(rjieba.tag(rest)), ("", ""))
        # jieba's flags for a preposition, numeral, adverb, pronoun, conjunction or particle
        return [word] if len(word) >= 2 and word not in _ZH_MEASURES and flag[0] not in "pmdrcu" else []
    match = _COUNTED_THING.search(normalized)
    if match is None or _COUNT_BACK.match(match.group(1)):
        return []
    thing: list[str] = []
    for word in match.group(1).split():
        if word in _COUNT_ENDS:
            return []
        if word.endswith("'s"):
            continue  # whose things are counted: "how many of the city's townships"
        if word in EN_STOPWORDS:
            if thing:
                break
        elif word not in _COUNT_MODIFIERS:
            thing.append(word)
            if len(thing) == _COUNTED_WORDS:
                break
    return thing


# "What is the X called", X叫什么名字: the thing whose name is asked.
_NAMED_THING = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)(?:叫什么名字|叫什么|叫啥|的名字)"
    r"|(?:\bthe |^)name of (?:the |that |this |his |her |their )?((?:[a-z'-]+ ){0,3}[a-z-]+)"
    r"|what(?:'s| is| was) (?:the |that |this )?((?:[a-z'-]+ ){0,3}[a-z-]+) called"
    r"|what(?:'s| is| was) (?:the |that |this )?((?:[a-z-]+ ){0,3}[a-z-]+)'s name"
)


# Where the asked thing ends: "the vocal master who came back" asks about the master, "the
# choir set up by ..." about the choir, "the hutong where ..." about the hutong.
_PHRASE_ENDS = frozenset("who whom whose which that where when in at from of for with on by set started founded run".split())
# Things that have names of their own: a question for which one, or for its name, is answered only
# by a fact that names one, not by one that speaks of "the units" or "his own community".
_NAMEABLE = frozenset(
    "company firm university college school court procuratorate office department organisation organization unit "
    "agency mall shop restaurant hotel hospital clinic hutong street road lane avenue community compound estate "
    "choir team subdistrict district village town park courtyard".split()
)


# An English thing a fact speaks of as "a" or "some" one: the words after the article. Not after
# a bracketed name: "Dongxinglou (东兴楼), a long-established restaurant" is named; "one Party
# member, a vocal master" is not.
# (A lookahead, so that "a master built a choir" yields both.)
# Or what "some" of a kind are said to be: "some Party members in the community are master
# calligraphers" speaks of calligraphers, unnamed.
_DESCRIBED = re.compile(
    r"(?=(?<!\), )\b(?:a|an|some|one)\s+((?:[\w'-]+\s+){0,3}[\w'-]+))"
    r"|\bsome\s+(?:[\w'-]+\s+){0,5}?(?:are|were)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)"
)
Alike = Callable[[str, list[str]], bool]


def unnamed_thing(question: str, claims: str, alike: Alike | None = None, named: Container[str] = ()) -> str | None:
    """Return the thing a normalised question asks the name of, if the fact only speaks of "a" or "some" one.

    有的党员是海外归来的声乐大师 and "a vocal master" say there was one, not who: a question
    for the master's name is not answered by them, whatever other names the fact gives. A
    thing the fact also names ("an ordinary school" that is Dianchanglu Primary School: the
    word is in ``named``, the words the fact capitalises) is no unnamed one.
    """
    match = _NAMED_THING.search(question)
    specific = _WHICH_SPECIFIC.search(question)
    phrase = match.group(2) if match and match.group(2) else specific.group(1) if specific else None
    nameless = phrase and _nameless_kind(phrase, claims, named)
    if nameless:
        return nameless
    if match is None:
        return None
    if match.group(1):
        head = [w for w in rjieba.cut(match.group(1)) if w not in ZH_STOPWORDS][-1:]
        # Normalised: 一家 is 1家 by then.
        pattern = r"(?:有的|某|(?:一|1)(?:位|名|个|家|所|支|些))[^,。;,]{0,12}%s"
    else:
        phrase = (match.group(2) or match.group(3) or match.group(4)).split()
        ends = [i for i, w in enumerate(phrase) if w in _PHRASE_ENDS]
        head = phrase[: ends[0] if ends else len(phrase)][-1:]
        if not head or len(head[0]) < 2 or head[0] in named:
            return None
        # "a mechanism of "Party-building leadership ..."": the fact names it after all.
        if re.search(rf"\b{re.escape(head[0])}s? (?:of|called|named|known as|dubbed) [\"“]", claims):
            return None
        described = [
            w for m in _DESCRIBED.finditer(claims) for w in (m.group(1) or m.group(2)).split() if w not in EN_STOPWORDS
        ]
        # In the fact's words ("choir", "choirs"), or in other words ("the singer" for "a vocal
        # master"): ``alike`` says if the thing asked is close in meaning to a word described.
        if head[0] in described or head[0] + "s" in described or (alike and described and alike(head[0], described)):
            return head[0]
        return None
    if head and len(head[0]) >= 2 and re.search(pattern % re.escape(head[0]), claims):
        return head[0]
    return None


# "Which specific department ...": one of a kind, by its name.
_WHICH_SPECIFIC = re.compile(r"\bwhich (?:specific|particular|exact|actual) ((?:[a-z'-]+ ){0,3}[a-z-]+)")


def _nameless_kind(asked: str, claims: str, named: Container[str]) -> str | None:
    """Return a kind of thing with names of its own (``_NAMEABLE``) whose name an English question
    asks (``asked``: the words after "the name of", "which specific"), where the fact speaks of that
    kind but names none: no name of the fact directly before it ("Dongsi Subdistrict", "Longzeyuan
    (龙泽园) community", "Dongxinglou (东兴楼), a restaurant"), no quoted one after it. "The name of
    the hutong where ..." is not answered by "among the hutongs"."""
    phrase = asked.split()
    ends = [i for i, w in enumerate(phrase) if w in _PHRASE_ENDS]
    kinds = [w.removesuffix("'s").removesuffix("s") for w in phrase[: ends[0] if ends else len(phrase)]]
    kind = next((w for w in kinds if w in _NAMEABLE), None)
    english = "\n".join(line for line in claims.split("\n") if re.search(r"[a-z]{3}", line))
    if kind is None or not re.search(rf"\b{kind}s?\b", english):
        return None
    # A name is one of the fact's, or what a bracketed Chinese gloss follows; a quotation is one too.
    names = "|".join([*(rf"\b{re.escape(n)}\b" for n in named if n.isascii()), r"\([^)]*[\u4e00-\u9fff][^)]*\)"])
    before = rf"(?:{names})(?:\s*\([^)]*\))?(?:,\s+(?:a|an|the)(?:\s+[\w'-]+){{0,2}})?\s+{kind}"
    after = rf"\b{kind}s?\s*(?:[\"“]|\(\s*[\u4e00-\u9fff]|{names})"
    return None if re.search(before, english) or re.search(after, english) else kind


# A figure asked about as such: "what's the 31 in ...", "the 150 figure", 31项指的是什么; not a number
# that counts something ("the 150 items") or is part of a word ("the 5-party arrangement").
_ASKED_FIGURE = re.compile(
    r"(?:\bthe |\bthat |\bthis |figure |number )(\d+)(?= (?:figure|number|in|about|from|mentioned|refers?|stands?)\b|\s*[?,—]| - |$)"
    r"|(?<![\d.])(\d+)[项个名家位次]?(?:这个数字?|这个数据)?(?:指的是|是指|指什么|代表|是什么|是啥|说的是)"
    r"|^(\d+)\s*(?:-|—|:|\?)\s*(?=what|which|meaning)"  # "212 - what's that number about?"
    # "what does 31 count?", "what is 9175 referring to", "31 stands for what"
    r"|\bwhat (?:does|do|did|is|was) (?:the )?(\d+) (?:count|mean|refer|stand|represent|measure|cover|describe|denote)"
    r"|(?<![\d.])(\d+) (?:counts|means|refers to|stands for|represents|denotes) what\b"
)


# A figure the question refers back to, to ask about a part of it: "how many of the 9175 ...",
# 那212名 (those 212).
_REFERRED = re.compile(r"\bhow many of (?:the|those|these) (\d+)|(?:那|这)(?:些)?(\d+)")


def referred_numbers(normalized: str) -> set[str]:
    """Return the numbers a normalised question refers back to as "those N" ("how many of the 9175")."""
    return {n for found in _REFERRED.findall(normalized) for n in found if n}


def asked_figures(normalized: str) -> set[str]:
    """Return the numbers a normalised question asks the meaning of ("what's the 31 in ...")."""
    return {n for found in _ASKED_FIGURE.findall(normalized) for n in found if n}


def asks_name(normalized: str) -> bool:
    """True when a normalised question asks what someone or something is called."""
    return bool(_ASKS_NAME.search(normalized))


# Titles, grouped by what they mean: a question about a school's principal is not answered by a
# fact naming a subdistrict director, and one about a director not by a fact naming only a deputy.
# "Head", "director" and "chief" share a group: English uses them for the same posts.
_TITLE_GROUPS = (
    r"书记|party chief|party secretary|secretary",
    r"校长|principal|headmaster|headteacher",
    r"市长|区长|县长|镇长|乡长|mayor|governor",
    r"主席|会长|chairman|chairwoman|chair|president",
    r"队长|组长|captain",
    r"教练|coach|coaches",
    r"经理|manager",
    r"主任|部长|局长|处长|科长|厅长|所长|院长|director|head|heads|chief|minister|dean",
)
# English titles as whole words only ("head" is not in "headquarters"); Chinese has no word breaks.
# "Deputy" as typed in a hurry too (depty, diputy, dpeuty): a slip must not make the deputy's post
# the post itself.
_TITLE = re.compile(
    r"(副|\bd[a-z]{0,2}p[a-z]{0,2}t[a-z]{0,2}y[- ]|\bvi[cs]e[- ]|)("
    + "|".join(t if not t.isascii() else rf"\b{t}\b" for group in _TITLE_GROUPS for t in group.split("|"))
    + ")(?!级)"  # 科长级 is a rank (科级), not a post
)
_TITLE_GROUP = {title: n for n, group in enumerate(_TITLE_GROUPS) for title in group.split("|")}
# Title words that name no post:
# - "principal" and "chief" before a noun describe it ("the principal responsibilities", "the chief
#   conductor of the chorus"); a post only where no noun follows ("the principal of the school");
# - a property manager, and the manager an owner is set against, is the property company (物业);
# - a chair someone sits in ("in the director's chair") is a seat.
_NOT_A_POST = re.compile(
    r"\b(?:principal|chief)[- ](?!(?:of|is|was|at|in|for|and|or|who|whom|to|on|with|from|there|here)\b)[a-z]{3,}"
    r"|\b(?:property|estate|building)[- ]managers?\b"
    r"|\bowners?\W+(?:(?:vs|versus|and|against|or)\W+)?(?:the\W+)?managers?\b"
    r"|'s chair\b"
    # the asker, not the post asked about: "dept head asking: ...", "my manager wants to know ..."
    r"|\b(?:head|director|chief|manager|secretary|principal|president|chair|boss)s? (?:asking|asks|wants|wanted|needs|here|is asking)\b"
    r"|发挥所长|各展所长|学有所长|各有所长"  # 所长 here is a strength, not an institute's head
    r"|\bheads? ?aches?\b|\bheads? (?:out|off|up|down|home|back|over|into|outside)\b"  # a headache, heading out
)


# A question that offers a deputy's title: "the head ... or a deputy?", "the deputy organisation chief".
# Not one that sets it aside: "the head (not the deputy)".
_OFFERS_DEPUTY = re.compile(r"(?<!not )(?<!not the )(?<!not a )(?<!non-)\b(?:deputy|vice)\b|(?<!不是)(?<!并非)(?<![不非])副")
_THIS_YEAR = r"今年|\bthis year\b"
_LAST_YEAR = r"去年|\blast year\b"
_VISITS_PAID = re.compile(r"(\bvisits?\b(?: [\w']+){0,4}) paid\b")


@lru_cache(maxsize=64)
def _relative_years(year: int | None) -> list[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]]:
    """Return (asked, held, other) patterns for a document's own "last year" and "this year".

    A question for last year is not answered by a fact about this year, nor the other way round;
    a fact may say either as a year, ``year`` (the document's) or the one before it.
    """
    this, last = (_THIS_YEAR, _LAST_YEAR) if year is None else (rf"{_THIS_YEAR}|{year}", rf"{_LAST_YEAR}|{year - 1}")
    return [
        (re.compile(_LAST_YEAR), re.compile(last), re.compile(this)),
        (re.compile(_THIS_YEAR), re.compile(this), re.compile(last)),
    ]


def unmet_request(
    question: str, fact: str, alike: Alike | None = None, named: Container[str] = (), year: int | None = None
) -> str | None:
    """Return what a normalised question asks for that a normalised fact text does not say, or None.

    One of the kinds in ``_KINDS`` (an age, a date, a price, a country ...); a count of people
    when the fact counts something else; the name of something it mentions only as "a" one
    (``unnamed_thing``); a title it does not name or names only as a deputy's; a level of
    government or rank when the fact speaks of another; the last year of ``year`` (the fact's
    document's) when the fact speaks of that year, or the other way round.
    """
    question = _VISITS_PAID.sub(r"\1 made", question)  # "the visits Cai Qi paid" were made, not paid for
    for kind, (asks, holds) in _KIND_PATTERNS.items():
        if asks.search(question) and not holds.search(fact):
            return kind
    for asks, holds, other in _relative_years(year):
        asked = asks.search(question)
        if asked and other.search(fact) and not holds.search(fact):
            return f"{asked.group()} (the fact speaks of another year)"
    unnamed = unnamed_thing(question, fact, alike, named)
    if unnamed:
        return f"the name of the {unnamed}"
    counters = _ASKS_COUNT.findall(question)
    if _ASKS_PEOPLE.search(question):
        counters.append("名")
    for counter in counters:
        if not _COUNTED[counter].search(fact):
            return f"a count in {counter}"
    asked = {title for deputy, title in _TITLE.findall(_NOT_A_POST.sub("", question)) if not deputy}
    held = _TITLE.findall(fact)
    plain = {_TITLE_GROUP[title] for deputy, title in held if not deputy}
    deputies = {_TITLE_GROUP[title] for deputy, title in held if deputy}
    for title in sorted(asked):
        group = _TITLE_GROUP[title]
        if group in plain or group in deputies and _OFFERS_DEPUTY.search(question):
            continue  # "Is Zhang Ge the head or a deputy?" offers the title the fact gives
        title = title.removesuffix("es" if title.endswith("ches") else "s")  # "who coaches": a coach
        return f"the {title} (the fact names a deputy)" if group in deputies else f"a {title}, whom the fact does not name"
    for kinds, article in ((_SCHOOLING, "a "), (_SPORTS, "")):
        other = _another_of(kinds, question, fact)
        if other:
            kind, held = other
            return f"{article}{kind} (the fact speaks of {'/'.join(sorted(held))})"
    held_levels = {level for level, pattern in _LEVELS.items() if pattern.search(fact)}
    for level, pattern in _LEVELS.items():
        asked = pattern.search(question)
        if asked and held_levels and level not in held_levels:
            return f"the {asked.group()} level (the fact speaks of {'/'.join(sorted(held_levels))})"
    return None


def _another_of(kinds: dict[str, re.Pattern[str]], question: str, fact: str) -> tuple[str, set[str]] | None:
    """Return a kind the question names (a stage of schooling, a sport) and the fact does not,
    where the fact names others of ``kinds``, with those others; or None."""
    asked = [kind for kind, pattern in kinds.items() if pattern.search(question)]
    if not asked:  # the fact is read only then: few questions name one
        return None
    held = {kind for kind, pattern in kinds.items() if pattern.search(fact)}
    return next(((kind, held) for kind in asked if held and kind not in held), None)


# Words that carry no content for matching: question words, particles, function words.
ZH_STOPWORDS = frozenset(
    """的 了 吗 呢 吧 啊 呀 么 嘛 是 有 在 和 与 及 或 都 也 就 还 又 被 把 给 对 向 从 到 为 于 以 之 而 这 那 哪 哪些 哪个 哪里 什么
    啥 谁 几 多少 怎么 怎样 如何 为什么 为何 是否 是不是 有没有 请问 一下 告诉 我 你 他 她 它 我们 你们 他们 个 些 多 少 能 会 要 可以
    文章 里 中 说 提到 讲 说到 关于 情况 具体 方面 内容 什么样 哪家 哪位 哪一 几个 几次 多久 多大 怎么样 所 其 该 此 每 各 得 地 着 过 等
    咋 咋样 咋回事 怎么回事 回事 啥样 啥子 呗 哦 嗯 啦 哈 请教 烦请 告知 敬请 想问 问一下 劳驾 借问 敢问 问下
    到底 究竟 大佬 知道 整不 明白 里头""".split()
)
EN_STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but am is are was were be been being do does did done has have had
    what which who whom whose when where why how many much there this that these those it its it's they them their he she his her
    i me my we our you your can could would should will shall may might must about into over under as than then so if not no
    tell please say says said article document mentioned mention according any some all each every other another more most
    s t d ll ve re m get got does doesn't isn't aren't wasn't weren't did didn't kind sort
    anyone anybody someone somebody like going gonna wanna
    wonder kindly grateful appreciate possibly perhaps
    exactly precisely thanks thank cc hey hi ok okay guys folks
    remind curious wondering something summarise summarize""".split()
)
# English words that mark a question as English even when it quotes Chinese names.
_EN_MARKERS = frozenset("what which who how many much is are was were did does do the of why when where tell".split())


# An emoji as Slack sends it (:thinking_face:, :+1:, :skin-tone-2:) says nothing asked.
_EMOJI = re.compile(r"(?<!\w):(?:[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*|[+-]1):(?!\w)")


def strip_markup(text: str) -> str:
    """Turn Slack markup into plain text: labels kept, user/channel ids, people addressed, bare links and emoji dropped."""
    text = _ADDRESSED.sub(" ", text)
    text = _SLACK_LABELLED.sub(r" \1 ", text)
    text = _SLACK_BARE.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    return html.unescape(text)


def clean(text: str) -> str:
    """Return ``text`` without Slack markup, invisible or control characters, NFKC-folded, one-spaced."""
    text = strip_markup(text)
    text = _INVISIBLE.sub("", text)
    if not text.isprintable():  # a control or format character somewhere (most texts have none)
        text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def _cn_to_int(numeral: str) -> int:
    if len(numeral) == 4 and not any(ch in _CN_UNIT for ch in numeral):
        return int("".join(str(_CN_DIGIT[ch]) for ch in numeral))  # a year read digit by digit: 二零一八
    total, current = 0, 0
    for ch in numeral:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        else:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
    return total + current


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


# 三分之二 is 2/3 and 百分之五十 is 50%; 二分之一 is 一半, as the news writes it.
_FRACTION = re.compile(r"(\d+|[零〇一二两三四五六七八九十百千]+)分之(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)")


def _fraction(match: re.Match[str]) -> str:
    whole, part = (m if m[0].isdigit() else str(_cn_to_int(m)) for m in match.groups())
    if whole == "100":
        return f"{part}%"
    return "一半" if (whole, part) == ("2", "1") else f"{part}/{whole}"


def canonical_numbers(text: str) -> str:
    """Write numbers one way: Chinese numerals and 万/亿 as digits, fractions as a/b, no thousands separators."""
    text = _THOUSANDS.sub("", text)
    text = _FRACTION.sub(_fraction, text)
    text = _CN_NUMERAL.sub(lambda m: str(_cn_to_int(m.group())), text)
    text = _WAN.sub(lambda m: _format(float(m.group(1)) * (10_000 if m.group(2) == "万" else 100_000_000)), text)
    text = _LETTER_SCALED.sub(lambda m: _format(float(m.group(1)) * _SCALE_LETTER[m.group(2)]), text)
    text = _scaled(_SCALE_HYPHEN.sub(" ", text))
    if _SPELLED.search(text):
        # Numbers spelled out ("nine thousand one hundred seventy-five", "a hundred") by text2num,
        # which leaves lone small ones alone ("one of them"); those from two to twelve are numbers here.
        text = alpha2digit(_SPOKEN_YEAR.sub(r"\1 hundred ", _A_SCALE.sub(r"one \1", text)), "en")
    # Once more after them: text2num leaves the scale of "nine thousand-odd" a word.
    text = _scaled(_SHORTHAND(_EN_NUMBER(text)))
    return _DECADES.sub(lambda m: f"{int(m.group(1)) * 10} years", text)


def _scaled(text: str) -> str:
    """Return ``text`` with each number followed by a scale word multiplied out ("9 thousand": 9000)."""
    scaled = 1
    while scaled:  # one at a time: "7 hundred thousand" is 700 thousand, then 700000
        text, scaled = _EN_SCALED.subn(lambda m: _format(float(m.group(1)) * _EN_SCALE[m.group(2)]), text, count=1)
    return text


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Return the matching form of ``text``: clean, case-folded, Simplified Chinese, canonical numbers."""
    plain = _ZH_FORMAL(_T2S.convert(clean(text).casefold()))
    plain = _VICE.sub("副", _CANTONESE(_ERHUA.sub("", plain)))
    return canonical_numbers(plain)


def detect_language(text: str) -> Language:
    """Return "en" for English questions (even quoting Chinese names), else "zh" if there is Chinese."""
    folded = clean(text).casefold()
    cjk = len(_CJK.findall(_T2S.convert(folded)))
    words = _LATIN_WORD.findall(folded)
    if cjk == 0:
        return "en"
    if any(w in _EN_MARKERS for w in words) and len(words) >= 2:
        return "en"
    return "zh"


def asks_quantity(normalized: str) -> bool:
    """True when a normalised question asks how many, how much, how long or how old."""
    return bool(_ASKS_QUANTITY.search(normalized))


# A year says when, not how many: 今年(2019年) is no answer to 多少个停车位.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年")


def states_quantity(normalized: str) -> bool:
    """True when a normalised (Chinese) text states a quantity (a year is none)."""
    return bool(_QUANTITY_WORDS.search(_YEAR.sub(" ", normalized)))


def numbers(normalized: str) -> set[str]:
    """Return the numbers written in an already normalised text."""
    return set(_NUMBER.findall(normalized))


# "The fifth year", "her 3rd term": an ordinal that counts years, floors or times is a number the
# fact must hold (第3年). Only these: "the second thing they did" numbers nothing a fact states.
_ORDINAL = re.compile(
    r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"(?= (?:year|floor|storey|time|term|visit|round)s?\b)"
)
_ORDINALS = {w: str(i) for i, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), start=2)}


# A floor of a building, as numbered in English and Chinese: floor 3, the 3rd floor, the third
# (top) floor, the ground floor, 三楼, 3楼 (not 3层, which counts storeys).
_FLOOR = re.compile(
    r"\b(?:floor|level) (\d+)\b|\b(\d+)(?:st|nd|rd|th) floor\b"
    r"|\b(ground|first|second|third|fourth|fifth|sixth)(?: \([a-z]+\))? floor\b"
    r"|([一二三四五六七八九\d])楼(?![房盘市])"
    r"|(?<![a-z\d.])(\d)f(?![a-z\d])"  # 3F, as floors are signed in Chinese buildings
    r"|\b(top) (?:floor|storey|level)\b|(顶)(?:层|楼)|最(高)(?:1)?层"  # the top floor: the highest the facts name
)
TOP_FLOOR = "top"
_FLOOR_WORDS = {"ground": "1", "first": "1", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
                "七": "7", "八": "8", "九": "9", **_ORDINALS, "top": TOP_FLOOR, "顶": TOP_FLOOR, "高": TOP_FLOOR}


# Alternatives a question offers ("637 or 673", "Dongcheng or Xicheng", "5 years or 10", 2018年还是2019年):
# one word or number each side, with a unit word or two after the first and a hedge before the second.
_ALTERNATIVES = re.compile(
    r"(?<![\w.])(\d[\d.]*)(?: [a-z]+){0,2}?,? or (?:maybe |perhaps |about |around |even )?(\d[\d.]*)"
    r"|(?<![\w'-])([a-z][\w'-]*),? or (?:maybe |perhaps |even )?([a-z][\w'-]*)"
    r"|(?<![\d.])(\d[\d.]*)[^\d还或?？]{0,3}(?:还是|或者|或是)(\d[\d.]*)"
)


_ZH_ALTERNATIVES = re.compile(r"([\u4e00-\u9fff]{2,8})(?:还是|或者|或是| ?or ?)([\u4e00-\u9fff]{2,8})")


# Numbers offered in a list or as ranges: "a 2-storey, 3-storey or 5-storey block", "1 to 2, or 2 to
# 3", "1-2 teams per member, or up to 3".
_NUMBER_CHOICE = r"\d[\d.]*(?:(?:-| to )\d[\d.]*)?(?:-[a-z]+)?"
_NUMBER_LIST = re.compile(
    rf"(?<![\w.]){_NUMBER_CHOICE}(?:, {_NUMBER_CHOICE})*(?: [a-z]+){{0,4}}?,? or (?:up to |maybe |perhaps |about |around |even )?{_NUMBER_CHOICE}"
)


def alternatives(normalized: str) -> list[frozenset[str]]:
    """Return the alternatives a normalised question offers, in pairs: {637, 673}, {dongcheng, xicheng}.

    A fact that holds one of a pair answers the question, which asks which it is: the other is
    no number or name the fact must hold.
    """
    pairs = [frozenset(w for w in match.groups() if w) for match in _ALTERNATIVES.finditer(normalized)]
    # "each, or up to 3": words that name nothing are no alternatives.
    pairs = [pair for pair in pairs if not pair & EN_STOPWORDS]
    for match in _NUMBER_LIST.finditer(normalized):
        offered = frozenset(re.findall(r"\d[\d.]*", match.group()))
        if offered not in pairs:
            pairs.append(offered)
    # In Chinese the words either side of 还是 (是东城还是西城): jieba's last word before, first after.
    for match in _ZH_ALTERNATIVES.finditer(normalized):
        before, after = list(rjieba.cut(match.group(1))), list(rjieba.cut(match.group(2)))
        if before and after and len(before[-1]) >= 2 and len(after[0]) >= 2:
            pairs.append(frozenset((before[-1], after[0])))
    return pairs


def floors(normalized: str) -> set[str]:
    """Return the floors of a building a normalised text names, as numbers ("the third floor", 三楼: 3)."""
    return {_FLOOR_WORDS.get(n, n) for match in _FLOOR.findall(normalized) for n in match if n}


_EVERY_FLOOR = re.compile(r"每1?层|每个楼层|各层|各个楼层|\b(?:every|each) (?:floor|storey|level)\b|\ball (?:the |its |3 )?(?:floors|storeys)\b")


def every_floor(normalized: str) -> bool:
    """True if a normalised text speaks of every floor of a building (每1层都挂着党旗), so of any one."""
    return _EVERY_FLOOR.search(normalized) is not None


def ordinal_numbers(normalized: str) -> set[str]:
    """Return the numbers an English question gives as ordinals of years, floors or times ("fifth year": 5)."""
    return {_ORDINALS.get(w) or w[:-2] for w in _ORDINAL.findall(normalized)}


# "Which two tasks", 哪4个方面: a number of items asked for, which the fact lists without counting them.
_ENUMERATED = re.compile(r"(?:\bwhich|\bwhat|\bthe other|\b(?:what|which) (?:are|were) the|哪|另外|其他|其余)\s*(\d+)(?![\d.])")


def enumerated_numbers(normalized: str) -> set[str]:
    """Return the numbers that count what a question asks to list ("which four roles": 4)."""
    return set(_ENUMERATED.findall(normalized))


# "70多万", "670多个", "100余", "over 9,000", "about 670": a number given as a bound, not exactly.
_ROUGH = re.compile(
    r"(\d+)\s*(?:多|余|来)\s*([万千百]?)"
    r"|(?:more than|over|nearly|almost|about|around|roughly|some|approximately)\s+(\d+)"
    # "9000-odd", "600-something", "600+", "100-plus": X and a bit, as X多 is.
    r"|(?<![\d.])(\d+)(?:-?(?:odd|something|plus)\b|\+)"
)
_UNIT = {"万": 10_000, "千": 1_000, "百": 100, "": 1}
# "18年" for 2018: a year written short.
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d\d)\s*年")


def rough_numbers(normalized: str) -> dict[str, tuple[float, float]]:
    """Return the numbers a normalised question gives roughly, each with the range it stands for.

    X多 (and "X-odd", "X+") is more than X and less than X plus one step of its last non-zero
    digit (70多万: 700,000 to 800,000; 100多: 100 to 200); "about X" or "nearly X" is within a
    tenth of X; "18年" is the year 2018 as well as 18 years.
    """
    found: dict[str, tuple[float, float]] = {}
    for match in _ROUGH.finditer(normalized):
        digits = match.group(1) or match.group(4)
        if digits:
            unit = _UNIT[match.group(2) or ""]
            step = 10 ** (len(digits) - len(digits.rstrip("0")) or 1) if digits.rstrip("0") else 1
            found[digits] = (int(digits) * unit, (int(digits) + step) * unit)
        else:
            value = int(match.group(3))
            found[match.group(3)] = (value * 0.9, value * 1.1 + 1)
    for match in _SHORT_YEAR.finditer(normalized):
        found.setdefault(match.group(1), (2000 + int(match.group(1)), 2001 + int(match.group(1))))
    return found


def words(normalized: str, spell: Callable[[str], str] | None = None) -> list[str]:
    """Return the content words of a normalised text: jieba words for Chinese, stems for English.

    ``spell``, if given, corrects each English word before it is stemmed (a typo is nearest
    to the word as written, not to its stem).
    """
    out: list[str] = []
    for run in _TOKEN.findall(normalized):
        if _CJK.match(run):
            out.extend(w for w in rjieba.cut(run) if w not in ZH_STOPWORDS)
        elif run[0].isdigit():
            out.append(run)
        elif run not in EN_STOPWORDS:
            out.append(stem(spell(run) if spell else run))
    return out


_EMPLOYER = {"employer": "employer", "employers": "employer"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the English stem of a lowercase word (cached: a question's words recur)."""
    # Snowball makes "employer" and "employed" one stem: the organisation is not its staff.
    return _EMPLOYER.get(word) or _STEM.stemWord(word)


def respell(normalized: str, spell: Callable[[str], str]) -> str:
    """Return a normalised text with each English word replaced by ``spell(word)``."""
    return _LATIN_WORD.sub(lambda match: spell(match.group()), normalized)


def latin_words(normalized: str) -> list[str]:
    """Return the English words of a normalised text as written (not stemmed), stopwords dropped."""
    return [w for w in _LATIN_WORD.findall(normalized) if w not in EN_STOPWORDS]


def bigrams(content_words: list[str]) -> list[str]:
    """Return the character bigrams of the Chinese words: a one-character typo then spoils one bigram, not a word."""
    chinese = "".join(w for w in content_words if _CJK.match(w))
    return [chinese[i : i + 2] for i in range(len(chinese) - 1)] if len(chinese) > 2 else []


def tokens(normalized: str) -> list[str]:
    """Return the matching tokens of a normalised text: its content words and Chinese bigrams."""
    return with_bigrams(words(normalized))


def with_bigrams(content_words: list[str]) -> list[str]:
    """Return content words (from ``words``) followed by their Chinese bigrams: a text's tokens."""
    return content_words + bigrams(content_words)


_NAME_FLAGS = ("nr", "ns", "nt")  # jieba's person, place and organisation names
# Common words that jieba's dictionary tags as names: a city, going home from abroad, to organise
# (张罗), a Party organisation. They name no particular one, so a fact need not hold them.
_TAGGED_COMMON = frozenset(
    "城市 大城市 特大城市 超大城市 回国 东西 张罗 明白 谢谢 弘扬 普及 串联 入门 美化 科普 党组织 党工委 满意度 惠及"
    " 劳驾 麻烦 打扰 借问 敢问".split()
)
# jieba's tagger sometimes glues a preposition to a name (对史峰): these are trimmed off.
_GLUED = "对给向跟和与把被在从于的了是有住叫年说当"


def tagged_words(normalized: str) -> dict[str, str]:
    """Return jieba's part-of-speech flag for each Chinese word of a normalised text."""
    return {word: flag for run in _CJK_RUN.findall(normalized) for word, flag in rjieba.tag(run)}


def _with_side(name: str, text: str) -> str:
    """Return a gate's name with the side of it the text places it on: 广安门内 and 广安门外 are two places."""
    if name.endswith("门"):
        match = re.search(re.escape(name) + "[内外]", text)
        if match:
            return match.group()
    return name


def tagged_names(normalized: str) -> list[str]:
    """Return the person, place and organisation names jieba tags in a normalised Chinese text."""
    names = (w.strip(_GLUED) for w, flag in tagged_words(normalized).items() if flag.startswith(_NAME_FLAGS))
    return [_with_side(n, normalized) for n in names if len(n) > 1 and n not in _TAGGED_COMMON]


# The syllables of Mandarin in pinyin, without tones: a place or person of China is written in them.
_SYLLABLES = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
    cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
    deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
    fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
    gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
    jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng
    kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian
    liang liao lie lin ling liu lo long lou lu luan lue lun luo ma mai man mang mao me mei men meng
    mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang
    niao nie nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian
    piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran
    rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha
    shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si
    song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu
    tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing
    xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan
    zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua
    zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split()
_PINYIN_WORD = re.compile("(?:" + "|".join(sorted(_SYLLABLES, key=len, reverse=True)) + ")+")


def pinyin_shaped(word: str) -> bool:
    """True if a lowercase word is pinyin syllables: haidian, cai; not boss, tokyo or quiz."""
    return _PINYIN_WORD.fullmatch(word) is not None


_LEADING = " \t\n\"'“‘(*_>"  # what may come before a message's first word (quotes, markup)
_PREAMBLE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:\s+[\w'-]+){0,3}\s*(?:—|–|--| - |:)")
# A hyphen ends a name: Beijing-wide names Beijing, Party-building names nothing new.
# An apostrophe inside a name joins it (Guang'anmennei); a possessive or "I've" is no part of one.
_CAPITALISED = re.compile(r"(?<![A-Za-z0-9_'-])[A-Z][a-zA-Z]*(?:'(?!(?:s|ve|m|re|ll|d|t)\b)[a-z]+)*")
# Words that start a sentence with a capital without being names.
_QUESTION_WORDS = "what which who whom whose when where why how".split()
_SENTENCE_STARTERS = frozenset(
    """besides roughly apart also so then and but under in on at according since after before during for from
    with without please explain describe give list name approximately about around exactly just only even
    apparently reportedly i yes no across over through between among within true really right correct
    once while if although though whenever saw wait hey hi ok okay well oh btw um hmm
    remind confirm need find tell show check verify recall clarify summarise summarize pls plz""".split()
)
# A request opens with a verb and the asker: "Remind me ...", "Get us ..."; a name is not followed by "me".
_ASKER = re.compile(r"\s+(?:me|us)\b")


def _slips(word: str) -> set[str]:
    """Return the spellings one slip of the fingers away from ``word``: a letter dropped, doubled, swapped or wrong."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in cuts if b),
        *(a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1),
        *(a + c + b[1:] for a, b in cuts if b for c in letters),
        *(a + c + b for a, b in cuts for c in letters),
    }


# A question word mistyped where a question starts ("Wat", "Hw", "Wich") is no name; the
# pinyin syllables among the slips are left as names (Chen, Shen, Hou and Wen are surnames).
_QUESTION_WORD_SLIPS = frozenset(
    slip for word in _QUESTION_WORDS for slip in _slips(word) if len(slip) > 1
) - {"chen", "hen", "hou", "shen", "wen", "wo", "zhen"}
_OPENERS = _SENTENCE_STARTERS | _QUESTION_WORD_SLIPS
# What may come before the first word of a sentence: nothing, or a sentence's end, then quotes.
_SENTENCE_START = re.compile(r"(?:^|[.!?;:。！？；：])[\s\"'“‘(\[]*$")
# Capitalised by convention in English news about China, but naming no one in particular; so are
# languages ("put it in English"), titles before a name (Ms Zhang) and chat's acronyms ("still WIP?").
_NOT_NAMES = frozenset(
    "communist chinese cpc ccp cp english mr mrs ms dr prof pm fyi asap wip tbd tl tldr imo imho btw afaik"
    " ppt pdf faq kpi kpis okr okrs sla slas".split()
)


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    letters = "[ ']?".join(map(re.escape, name.replace(" ", "").replace("'", "")))
    return re.compile(rf"(?<![a-z0-9]){letters}")


def wade_giles(syllables: Iterable[str]) -> list[str]:
    """Return pinyin syllables in Wade-Giles as typed in English: qi is chi, xi hsi, cai tsai.

    Older English writing and Taiwan's spell names so (Tsai Chi, Hsicheng); typed, the
    apostrophes of aspiration and the umlaut are left out.
    """
    return [_wade_giles_syllable(s) for s in syllables]


@lru_cache(maxsize=2048)  # a few hundred syllables in all: each converted once
def _wade_giles_syllable(pinyin: str) -> str:
    spelt = convert_pinyin(pinyin, Style.WADEGILES, strict=False)
    return spelt.replace("'", "").replace("v", "u").replace("ü", "u")


def mentions(normalized: str, name: str) -> bool:
    """True if a normalised text holds ``name`` (normalised).

    An English name (or its stem: beij) counts only where a word starts, whatever spaces it
    was typed with: "chen" is not in "dongcheng", and "caiqi" is "cai qi". A Chinese one is
    any run of its characters.
    """
    if not name.isascii():
        return name in normalized
    return bool(name.strip()) and _name_pattern(name).search(normalized) is not None


# "For a note on megacities: how many members reported?": the context set out before a colon
# says why the question is asked, not what it asks; the question is what follows.
# A question that goes on after a colon ("what are the four goals: joint building and ...") is
# no context: the part before the colon must ask nothing, and the part after must ask.
_CONTEXT = re.compile(r"^[^:?]+:(?=\s*\D)")
# What, who, how, 什么, 哪: a question word that asks for something other than yes or no.
_WHAT = r"\b(?:" + "|".join(_QUESTION_WORDS) + r")\b|什么|啥|哪|谁|怎"
_ASKING = re.compile(
    _WHAT + r"|\b(?:is|are|was|were|do|does|did|tell|explain|describe|list|name)\b|多少|几|吗|介绍|讲讲|说说|\?"
)


# "I'm writing a report on Beijing. How many members reported?", "我在写报告。有多少党员报到?":
# a sentence that asks nothing says why the question is asked. A sentence asks when it ends in
# a question mark, holds a question word or opens with a request ("Tell me ...", "Need ...").
# A line is a sentence too, and so is what a dash sets off ("as a PE teacher I'm curious - what was ...").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。？！])|\s*\n\s*|\s+[-–—]{1,2}\s+|\s*—\s*")
# A Chinese clause ends at a comma or semicolon, but not inside quotation marks ("街乡吹哨,部门报到"
# is one name): not where a ” lies ahead before any “.
_ZH_CLAUSE_END = re.compile(r"(?<=[,，;；])(?![^“]*”)")
# A full stop after these ends no sentence: "the No. 1 Reform", "owner vs. manager".
_ABBREVIATED = re.compile(r"\b(?:no|nos|vs|mr|mrs|ms|dr|st|e\.g|i\.e|approx|etc|jr|sr|fig|cf|p|pp|[a-z])\.$", re.IGNORECASE)
# In English a question word asks where it opens the sentence or follows a wish to know ("I'd
# like to know how many ..."), not inside a statement ("..., which is why it caught my eye.").
# Stricter than _ASKING, which reads the few words before a colon: "is" or "what" anywhere in
# a whole sentence of context is no question.
_WH = r"(?:" + "|".join(_QUESTION_WORDS) + r"|whether)\b"
_ASKS_IN_SENTENCE = re.compile(
    r"[?？]\s*$|什么|哪|谁|多少|几|吗|怎|啥|介绍一?下|讲讲|说说|请问"
    r"|^\W*(?:" + _WH + r"|(?:tell|explain|describe|list|name|give|need|find|remind|confirm|show|check|pls|please)\b)"
    r"|\b(?:know|wonder(?:ing)?|ask(?:ing)?|tell|explain|find out|confirm|clarify|check|understand|learn)\b[^.!]*?\b" + _WH,
    re.IGNORECASE,
)
# A question that points back into its context ("I'm looking at Shanghai. How many reported
# there?", "Zhang Ge, the official quoted — what post does he hold?") asks about the context too.
_REFERS_BACK = re.compile(
    r"\b(?:there|that city|that year|that place|he|him|his|she|her|those|these)\b"
    r"|那里|那儿|那边|当地|该市|那年|那一年|他|她|那些|这些",
    re.IGNORECASE,
)


# A line quoted in Slack ("> 今年两度迎来了蔡奇", sent as "&gt; ...") points at a passage; what is
# asked is in the lines after it.
_QUOTED_LINE = re.compile(r"^\s*(?:>|&gt;)")


def unquoted(message: str) -> str:
    """Return a message without its quoted lines, if two words or more are left; else the message."""
    lines = message.splitlines()
    kept = [line for line in lines if not _QUOTED_LINE.match(line)]
    if len(kept) == len(lines) or len(words(normalize("\n".join(kept)))) < 2:
        return message
    return "\n".join(kept)


_ASKS_WHAT = re.compile(_WHAT + r"|如何")


def asks_what(normalized: str) -> bool:
    """True if a normalised text asks what, who, how, etc. (什么, 哪), not only whether (was it 150?) or keywords."""
    return _ASKS_WHAT.search(normalized) is not None


def asked_part(normalized: str) -> str:
    """Return a normalised question without the context it sets out before a colon, if what follows asks."""
    match = _CONTEXT.match(normalized)
    # A single word before the colon ("Xicheng: ...", "Note: ...") may be the topic: it is kept.
    if not match or _ASKING.search(match.group()) or (len(words(match.group())) < 2 and len(match.group()) < 12):
        return normalized
    rest = normalized[match.end() :]
    return rest if _ASKING.search(rest) and len(words(rest)) >= 3 else normalized


def asking_sentences(message: str) -> tuple[str, bool] | None:
    """Return the sentences of a message that ask, as written, when others ask nothing, and
    whether they point back into the others; None when none or all ask, or too little does."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(message):
        if sentences and _ABBREVIATED.search(sentences[-1]):
            sentences[-1] += " " + piece
        elif piece.strip():
            sentences.append(piece)
    asking = [s for s in sentences if _ASKS_IN_SENTENCE.search(s.strip())]
    refers_back = False
    if len(asking) == len(sentences) == 1 and _CJK.search(message):
        # Chinese context often ends in a comma, not a full stop (换个角度看,...; 我是做物业的,...): its
        # clauses that ask are scored alone, but guarded whole, since a comma's clause may also
        # scope what is asked (上海2020年,有多少...).
        clauses = [c for c in _ZH_CLAUSE_END.split(message) if c.strip()]
        asking = [c for c in clauses if _ASKS_IN_SENTENCE.search(c.strip())]
        sentences, refers_back = clauses, True
    if not asking or len(asking) == len(sentences):
        return None
    alone = " ".join(asking)
    # Numbers alone ("1 to 2, or 2 to 3?") ask nothing without the words before them.
    if len([w for w in words(normalize(alone)) if not w[0].isdigit()]) < 2:
        return None
    # A phrase quoted in the context ("There's a line about 'eight hours' - what point is it
    # making?") is what is asked about, though the question names it only as "it".
    quoting = any(_QUOTED.search(s) for s in sentences if s not in asking)
    return alone, refers_back or quoting or _REFERS_BACK.search(alone) is not None


# "Apart from X, ...", 除了X,...: what is set aside, up to the next comma or question mark.
_SET_ASIDE = re.compile(r"(?i)(?:apart from|aside from|besides|other than|except(?: for)?|除了)[^,，?？]*")


def set_aside(text: str) -> str:
    """Return ``text`` without what it sets aside ("apart from X", 除了X): names there are not asked about."""
    return _SET_ASIDE.sub(" ", text)


# "Unlike Shanghai, ...", "compared with Shanghai's lane houses", 与上海相比: a place or body named to
# contrast with the one asked about, which the answer need not hold.
_CONTRAST = re.compile(
    r"(?i)(?:\bunlike|\bcompared (?:with|to)|\bin contrast (?:to|with)|\bas opposed to|不同于|有别于|不像|比起|相比于|相较于)"
    r"[^,，?？:：]*|(?:与|跟|同)[^,，?？与跟同]{1,15}(?:相比|比起来|相较|不同)"
)


def uncontrasted(text: str) -> str:
    """Return ``text`` without what it sets aside or contrasts with: the names it does not ask about."""
    return _CONTRAST.sub(" ", set_aside(text))


def aside(text: str) -> str:
    """Return what ``text`` sets aside ("apart from X", 除了X), or an empty string."""
    return " ".join(match.group() for match in _SET_ASIDE.finditer(text))


# A quoted phrase names something: a programme, a slogan, a group ("老街坊", 'street whistle').
_QUOTED = re.compile(r"“([^”]{2,60})”|《([^》]{2,60})》|\"([^\"]{2,60})\"|(?<!\w)'([^']{2,60})'(?!\w)")


def quoted_names(text: str) -> list[str]:
    """Return the phrases a text puts in quotation marks or title marks."""
    return [next(g for g in match.groups() if g) for match in _QUOTED.finditer(text)]


_AMERICAN = re.compile(r"is(e|ed|es|ing|ation|ations)$")


class Vocabulary:
    """A set of English words that holds their other forms too: "measuring" is in one holding "measure".

    Forms are found at look-up, not stemmed up front: stemming a model's whole vocabulary
    costs a quarter of a second of start-up, and only a question's first word is looked up.
    """

    def __init__(self, words: Iterable[str]):
        self._words = frozenset(words)
        self._sorted = sorted(self._words)

    def __contains__(self, word: object) -> bool:
        if word in self._words:
            return True
        if not isinstance(word, str):
            return False
        root = stem(_AMERICAN.sub(r"iz\1", word))  # the model learnt summarize, not summarise
        prefix = root[: max(3, len(root) - 1)]  # quantifi- is quantify's stem too, less its last letter
        i = bisect_left(self._sorted, prefix)
        while i < len(self._sorted) and self._sorted[i].startswith(prefix):
            if stem(self._sorted[i]) == root:
                return True
            i += 1
        return False


# A word of pinyin before "district", "road" or the like names a place, capitalised or not:
# "haidian district" as typed in a hurry.
_PLACE_NAMED = re.compile(
    r"\b((?:[a-z]+ ){0,2}[a-z]+) (?:district|subdistrict|county|province|prefecture|township|village|road|street|avenue|lane|hutong)s?\b"
)


def place_names(normalized: str, common_words: Container[str] = frozenset()) -> list[str]:
    """Return the words of a normalised text that name a Chinese place by the word after them:
    haidian in "haidian district"; not an English word ("which district", "suburban district")."""
    def syllable(word: str) -> bool:
        return pinyin_shaped(word) and word not in EN_STOPWORDS and word not in common_words

    names = []
    for run in _PLACE_NAMED.findall(normalized):
        # A name typed in syllables ("dong cheng district") is one name: its longest tail of them.
        parts = run.split()
        while parts and not all(map(syllable, parts)):
            parts = parts[1:]
        if parts:
            names.append("".join(parts))
    return names


def capitalised_names(text: str, common_words: Container[str] = frozenset()) -> list[str]:
    """Return the capitalised English words of a cleaned (not case-folded) text, folded: likely names.

    Possessives are dropped (Xicheng's -> xicheng); the first word of a sentence or of what
    follows a colon ("... this year. True?", "For my slides: Which ...") is a name only if it
    is not a question word, stopword or common opener, nor in ``common_words`` (a
    ``Vocabulary``: "Measuring the reach: ..."; a place, "Haidian question: ...", is in no
    dictionary of common words).
    """
    out = []
    # A few words opening the message before a colon or dash ("Quiz: ...", "For HR: ...", "Boss
    # wants a number — ...") set it up: none of them is a name unless it sounds like one of
    # China's ("Haidian question: ...", "Shanghai resident here: ..." still name a place).
    opening = _PREAMBLE.match(text, len(text) - len(text.lstrip(_LEADING)))
    if opening and any(word in _QUESTION_WORDS for word in opening.group().casefold().split()):
        opening = None  # "How many in Tokyo: ..." asks; it sets nothing up
    for match in _CAPITALISED.finditer(text):
        word = match.group().casefold()
        first = _SENTENCE_START.search(text[: match.start()]) is not None
        # "Journalist here: ..." introduces the asker; "Shanghai resident here" still names Shanghai.
        if first and text[match.end() :].startswith(" here"):
            continue
        if word in EN_STOPWORDS or word in _EN_MARKERS or word in _NOT_NAMES or (first and word in _OPENERS):
            continue
        if first and (word in common_words or _ASKER.match(text, match.end())):
            continue
        if opening and match.end() <= opening.end() and not pinyin_shaped(word):
            continue
        out.append(word)
    return out


# Question words that sibling facts' phrasings tell apart by: a reason (why) and a duration (how
# long). Three floors of one building, or a director's post and how long he has held it, share
# their words; the one whose phrasings ask "why" is the one a "why" question means. Measured on
# the labelled sets: who, where, when, how and how many did not tell siblings apart as safely
# (each answered near-misses: "who chairs ...", "when will every subdistrict ...").
# Whether it has been long asks how long too ("is this his first year?", "new to the job").
_ASKED_KINDS = {
    # A purpose or a point asks why in other words ("what's the point of ...", 目的).
    "reason": re.compile(
        r"\bwhy\b|\bwhat for\b|为什么|为何|为啥|\bpurpose\b|\bthe point of\b|\bwhat(?:'s| is| was) the point\b|\breasons?\b"
        r"|\b(?:meant|trying) to achieve\b|目的|为了什么"
    ),
    "duration": re.compile(
        r"\bhow long\b|\bhow many (?:more )?(?:years|months|weeks|days)\b|\bfor how many\b|多久|多长时间|几年了|多少年"
        r"|\bfirst year\b|\bnew (?:to|in) (?:the|this|his|her|their) (?:job|post|role|position)\b|\bwhich year (?:of|in)\b|第几年|第几个年头"
        # how old a group is: how long it has existed
        r"|\bhow old\b|\bfounded when\b|\bwhen (?:was|were) [^?]{1,40} (?:founded|set up|established|formed)\b|成立多久|成立几年|哪年成立"
    ),
}


def asked_kind(normalized: str) -> str | None:
    """Return "reason" or "duration" if a normalised question asks why or how long, else None."""
    found = [(match.start(), kind) for kind, pattern in _ASKED_KINDS.items() if (match := pattern.search(normalized))]
    return min(found)[1] if found else None
