"""Encoding choice as data: the characters that make a decoding plausible for its script, and thresholds.

``COMMON_HANZI`` is the 3,500 most frequent hanzi among GB2312's, most frequent first, counted over the
word list of jieba 0.42.1 (``jieba/dict.txt``: each character weighted by the frequency of the words it
is in). Regenerate with::

    from collections import Counter
    c = Counter()
    for line in open("jieba/dict.txt", encoding="utf-8"):
        word, freq, *_ = line.split()
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                c[ch] += int(freq)
    "".join([ch for ch, _ in c.most_common() if ch.encode("gb2312", "ignore")][:3500])

``JIS_LEVEL1_KANJI`` is JIS X 0208's level-1 kanji (the commonly used ones, rows 16-47)::

    "".join(bytes([a, b]).decode("euc_jp") for a in range(0xB0, 0xD0) for b in range(0xA1, 0xFF)
            if not (a == 0xCF and b > 0xD3))

``COMMON_HANGUL`` is KS X 1001's 2,350 precomposed syllables (those EUC-KR encodes in two bytes)::

    "".join(chr(c) for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc_kr", "ignore")) == 2)
Traditional forms count as their simplified form (``rules.hanzi.T2S_PAIRS``). Kana, common Cyrillic and
Latin letters are judged by rule (see ``parsers/encoding/plausible.py``), with the sets below.
"""

# --- thresholds ----------------------------------------------------------------------------------------

#: A decoding is judged on PLAUSIBILITY_CHARS non-ASCII characters from the first one in its second half
#: (else in the whole text), looked for within PLAUSIBILITY_SCAN characters (bounded work).
PLAUSIBILITY_CHARS = 120
PLAUSIBILITY_SCAN = 8 * 1024
#: A decoding scoring at least this is plausible for its script and taken at once (1.0: every sampled
#: character common); below it, the clean candidates are compared and the most plausible wins.
PLAUSIBLE_MIN = 0.9
#: A kept reading below this score is reported in a warning as implausible.
IMPLAUSIBLE_WARN = 0.6
#: When no reading is plausible, the most plausible clean one is still taken at this score.
PLAUSIBLE_WEAK = 0.75
#: An alternative replaces a clean declared decoding that is not plausible only when it scores this much more.
PLAUSIBLE_MARGIN = 0.05
#: Hanzi among the first COMMON_HANZI_TOP of COMMON_HANZI count fully; the rest of the 3,500 count this much.
COMMON_HANZI_TOP = 1000
COMMON_HANZI_REST_WEIGHT = 0.75
#: Weight of a JIS level-1 kanji that is not among the common hanzi (Japanese forms: 込, 気, 駅 ...).
JAPANESE_KANJI_WEIGHT = 0.75
#: Weight of a hangul syllable outside KS X 1001, of hangul compatibility jamo, of an isolated Latin-1 sign.
RARE_HANGUL_WEIGHT = 0.5
JAMO_WEIGHT = 0.5
#: Half-width katakana: rare in real Japanese pages, common when CJK or Cyrillic bytes are read as Shift_JIS.
HALFWIDTH_KANA_WEIGHT = 0.0
#: A Cyrillic capital after a capital (a word in capitals; text read with the other Cyrillic code page has
#: mostly such words, but real text has some too).
CYRILLIC_CAPITALS_WEIGHT = 0.5
#: Letters of alphabets not modelled here (Armenian, Hebrew, Arabic, Thai ...): any byte soup reads as some.
OTHER_ALPHABET_WEIGHT = 0.5
LATIN_SIGN_WEIGHT = 0.5
#: Latin letters and signs in a run of more than this many non-ASCII characters are implausible (Western
#: text puts accented letters between ASCII ones; CJK bytes read as Latin-1 come in runs).
LATIN_RUN_MAX = 2
#: Codecs tried, after content detection's answers, when a page's label is wrong or missing.
CANDIDATE_CODECS = ("gb18030", "big5hkscs", "cp949", "euc_jp", "cp932", "cp1251", "koi8-r", "cp1252")
#: Content detection: bytes handed to the detector, and the non-ASCII bytes its sample should hold.
DETECT_SAMPLE_BYTES = 64 * 1024
DETECT_MIN_NONASCII = 2048
#: Non-ASCII runs kept, with this much ASCII context on each side, when the sample is built from runs.
DETECT_RUN_CONTEXT = 16
#: Bytes scanned at most for non-ASCII runs (bounded work on huge files).
DETECT_SCAN_BYTES = 8 * 1024 * 1024
#: A UTF-8 page with undecodable runs is repaired when its valid UTF-8 runs hold at least this share of the
#: non-ASCII bytes (the majority wins).
UTF8_MAJORITY_SHARE = 0.5
#: Codec tried on the minority runs of such a page.
UTF8_MINORITY_CODEC = "gb18030"
#: ``--encoding`` that leaves undecodable sequences in more than this share of the non-ASCII bytes is refused.
OVERRIDE_MAX_BAD_SHARE = 0.05

# --- character sets ------------------------------------------------------------------------------------

#: Letters of Russian, Ukrainian and Belarusian (lower case): Cyrillic text is mostly these.
COMMON_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
#: Non-ASCII signs of the Latin-1 range common in Western text (counted as punctuation, not judged).
LATIN_COMMON_SIGNS = "\u00a0«»°·©®§×€£¥–—‘’“”„…•"

# fmt: off
#: The 3,500 most frequent hanzi, most frequent first (see the module docstring).
COMMON_HANZI = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所"
    "如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
    "越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印"
    "亿沙母酒助闻超审待压升送监策略限竟香配藏敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
    "概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择"
    "墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损"
    "壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频崇壮骑恐享鸡虫绍铜呈泛械摆欲奶敬措爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦淡"
    "抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映甘骂糖岳饮奋棉雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯彻"
    "桌祭符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘亩滑狗冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟窗扎辞聘穷堰宇键荒递恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨浮"
    "薄券赤腐译租氧戴邓煤肠牧孤诏妙旨堡册锅胖柳阔吹丘趋锦颜悬陶拳诚尺晓插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘炎氏肩枝狂泊估杭扑臂哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞贷刊巡屈堆曼饰碎滚悉寄浜迟描污辅魔烦鼻盗餐幼"
    "凉仗冈澳驾菌肚肃爸仰抚慈扶盆仿炼纲倘碗杰忧惜扫暂祝跨渔宾漫寿猪涌凝邻赴恰劝仇践顷赋悄莱拟贤愤姆乏轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋熊浅沈姊返翼丧拖惨俊驱袖惠涂添牵咸详碰割侯纤柔档糊岂跪拒覆绣吓宿"
    "偶揭赖烤卢娃颗邮扇伐循衰弦凯羽枚帅锁疏搭俱帐胶赫埋蒸壳彼脏箱浙弯瓜挡拱筹疆肿膜刷杆凶债甜泡玄贾谱夹乾遣薪灌咬尘填廊钻丛狼牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹匹亏鉴慕跌慌穆邀芳爬豫吾奸棒淮捷耕艘齿"
    "醉脂兽滴盈卵滋柴溪妃浠碍瓶辩遂怨拨肌俘挖恒励鸣肝腔偿秒拦允塑拆靖耗凌披胁吏纽烂尝垸辟耶艰佩敦疼荐厘匠柏悠壤拾乔轴妖喷掩璃孟轨歇猜晨坊桑堤畅瞎氨辨鞋昏恭畜浩迪雾丢咨擦窝洁飘捉搬奈肤愁砖辣幽嘛赢藕挤舒狮耀"
    "诊扣篮尿唤梯勾霍舌侠筋枢屏衙殷栏纠链恋惧笼寸冶弥晃叙吊哩稿娜剥拼欺榜囊汪逆骗堪猎棺胎俩郊掘匆缝乙藻携慧函辱扯嫩癌悟滩祸秉慰驰狱砍糕漏吞纬茅渠催踪叛浑牲杖鞭腺邪欣汝碳彭咐椒绳颈漆遥夷郁斑忆阀卑宴抑逻嫁扭"
    "胃仔恼贪兆庸僭疯侦鹰驶斩鹤猴蜂瘦赐闷柄椅轿拓扮砂傻粘辐啥伪抛玻昂圳侨吟刃饱吕玛碱冯仓钦哼庞儒叉泄臭艾蓉鼠祯捧舱坝芙瘤勃敲帽吻契舟夸葡剪抖霸艳宸聪仆躺瑶谦炭卧袍猫珊溜漂衔苍坑串浆碧巷咽铸押惩迈锐颤疲滨履"
    "盒宅喀饿缠翁幻逢扁旱罕怜姻蓄磷惟帕掠稻劫撑姿肾胀慎哨摔谨鹅丑塘肺镑趁蜀兑哦贞禧葛仲惑蔡踢妥筒诞禀朴祀饼萄狭澶杩赔绵诱卜陀呵抹疫辰顽蓬摊倡浦账矩翠煌茂畏劣氛廉鸭瓷戈秩弗悔尉挣拐鼎芦睁脾聊株枯纱幺冻唇茫哀"
    "芬轩蛮醇棍晕嫂宙酷郧欠稷鹏孕槽栖吩姚昭罐叠墩盼舆芒酬斥捐斋眠脆萧璋皱卿蚀淋卓翰钉棣丫宰阐翅沃挨霖哄爵涔衫逊铭戚旺硕擅嫌赌隋肖饶沪雇罩煎丐掷誓摘冤坤屁竭宛菱厌矮潭渊俺崖氢棚喇涵裕溃堵媳抄怔蒂肢瑜泌甫檐寂"
    "颠撰逝霜羞铅佐帖硫蹈瞬痕爽挽禅娶柯屯韵婴悦肴螺凑兹烛歼毅杉慨钧渗蜜遮窑谐厦柜匈喉愧栽扔苯谊肆霞吵夕壶赚尹窄弓谭盲勋饲窟俞嗣煮巾裤膨奠瞪珞愚膏喘姜膀蔬糟僚匾妄畴喂沔耻牺旭妨硅崩雌陛卸砸贩竖攀晒伞惹裹屠汁"
    "擒鳞佣渴浣叩龟雀掀唉泼亥僵屡瞒璇厮刮钩桐谅隙丞盯霉侄逸浸爪阙坟咳宠脖彪朕虹衍甸鳍讼虾芝涛巩熔峻怖嘿磕洒掏枣滞舅昔哑焕娱芯衷捞卦旬矣茨蜡喻挪婶琉枕娇豹厨傲腕巢氯燥焚乖嘱禄赠晌琦铃雁姨蹄焰虏粑饥潘兀捏缔歪"
    "蕴鸦嘻俯锻骤庵吁剿禽勉膝捣茎晴厢匀灏涯梨蒲驼匪撕嗯樊搏缚垄寓愣斌麋劈旷舵薛沸丸泳绸炬缴寰贱躯褐酶嚷拌颂帜陡募佑皖绑啡仑麓帘镖钠刹妆禾藤弊痴哇凰歧驴铝闸喃滥耍桶酱惶躬熬娥啸淘裙骚亨勘窃挫凿塌咖垫芽凸钙框"
    "哟翔逮舶锥怡魄灶浴蔽橡懒硝晰盏赦庐谕鄙拂菩栗琳沼圭屿砌倚棵瑰羲酿诈锌杏婉沦卤躁斧淳兔凛哎阮淫剖蕲烹姥咕蚕兜璧搅帆暇趟裸粹吼哗冀呜瞻搁乞骇炕垮拘嵌笛鹃菊淀肪鞍愉犬弧蹲椎阎浏诵烘榴腥裘萝颊蟹灿摧棱琼骄凄怯"
    "淑梢丙暮媚钊沫糯驳崔谏炳畔缅襟锤觅拢胪诀奢苹叮榨瀹沾渝枉辜髓坠瑟棕萍贿泣嫣峨憾胺甩陂寇烯钓瞅沧坪暑耸垒傍睹薯溢谜咋缁嗓贬窜戟葱屑胚犁莎囚颖诡腻藩彦巍痒蹇芷赣沐膊婢粤喧逛贮恍菇邢绮厥澄邵耽讽衬恕烫毯仕昼"
    "闽拚勿桓钾膛歉膳詹坎敛碌狄沽侮寝妾嗽埔眷揪牡毙荫涡桩锣釜瀛缮梳揽咀雍铲倦岱厄弘淤尴玲祠恳粥衢戳秃瀑搂迭垃缸郝挠莽瑙瞄粟跋呐歹豚驿圾胳魁诧绒鞑谎尬陌讳蝶咒裔凳梭涅杈泻苇焉娟迦巫扒翊敷谣隅撇凹蚁氮苑妓潇禹"
    "朽寮郢伽粪诛醋栋谴隧簇踩礁庶衮堕噪嘲濂鲟彝柬斐沛卞篷祁耿嚼宦溯黔浇敞绞瓣窦蕃汰鲍遏魅槐鞘钞徙讶碟琐琢滤嗤蠢锰嵋逾弼绅腑瑚稽溉宵祈庇蒿蛛窍玫煞笨鸽泵袱薇捡拈驯骡肇砰垣迄斟灼澜漕萼葫梗洼筷僻鳌镶捆昧跺棘曙"
    "阜豁挟睿矢湛酥眨惕淹岔稼邹逵灞揉俭蛙匣陋盔羌缆聂莉抒痰慷後懈芜琛骆扳汛悍呕虞瑕酚伺拽羡蔗滇苔彬拇冥厕絮藉窥羹奕铮矶晖匕逗哺倪怠瞩窖檀蕉缀苕猿浊瞥簿璁缉皋楠萌斡焖揖祺烷芋绽侗匙谬睦橙剌撼撮熏碾亢垦逍彰佃"
    "邑梓啪诰驹嗡羁敝汞嚣辫蝇汹沅惭蠡墟娴咧漳滔韧孢缕炯涩嵩缎饷唬哉褰濒峭鳙筛殉霎椭啤咯婿眯眶鸪珂靡矫诲渤钥肘嘶孽杞饵咚敕桨樱戎榻愕晤蔓啼憋鹧笃侣懿骸摹磋皂咏趾吭翘鲤拣骞乍鳄酯栅绰氟渣鸠娌锯邱莹脓闺颐譬钛奎"
    "揣溅绢茸蜒烁畸姝棠怦晦瘫朔疮蓦靶攒渭铀磅唾茄蕾馨廖荤傣胥兢扛葵丕舜鲨乒逞诬苟廓镍槛狡牟鸳俏芥浼裴麟稚叭悼漓楞毗赎倭玺蝉憎楷柑杠蚊妒馈删孜拙韬祷熄鸯虐蒯紊酰佬翌妮蚌沁侈噶剃芭烩稠锭娑胧琅坞褂筵轧褶觑酮篆"
    "醛洽唧趴绉崛圻扼叨蒜寞毡簧砥撬煨嫉腮慑朦嗅鲢聋炖酌冉胤攘牒吱嫔笙蜿裳碘霄瘾捻乓澧吆劾瞰橘澡酋灸竿矗耙寥钝蛾姹勺庚剁狩隘靴搓狸讥擂豌馒茬伶秭鲸苛镁梵垛臀颌颅徊捎幢弩讧咦嘎涕俸纂呻卯嗜札榆噢蔑峙姬萎绷赂蚂"
    "戮瓮蹦穗肋壕辇陇椰氓蟾辕恃狈孵嘟濮粱袜浚刨蛟栈筝箢铬惺糍兮蕊褚涝潼驸黛箍匡椁梧惮胰擎绥荧拗啃弛匿蟠寅疹枭殡尧悖桦骼呛黯赃茵褪甬挚嗔澈毋拴倏帷嗦淙蘑夔羚屎搀袄岚沮挎侥箫醚瀵腌埠搴砾竣睐栓秽焊禺煽攸琵璺睬"
)
#: JIS X 0208 level-1 kanji.
JIS_LEVEL1_KANJI = (
    "亜唖娃阿哀愛挨姶逢葵茜穐悪握渥旭葦芦鯵梓圧斡扱宛姐虻飴絢綾鮎或粟袷安庵按暗案闇鞍杏以伊位依偉囲夷委威尉惟意慰易椅為畏異移維緯胃萎衣謂違遺医井亥域育郁磯一壱溢逸稲茨芋鰯允印咽員因姻引飲淫胤蔭院陰隠韻吋右"
    "宇烏羽迂雨卯鵜窺丑碓臼渦嘘唄欝蔚鰻姥厩浦瓜閏噂云運雲荏餌叡営嬰影映曳栄永泳洩瑛盈穎頴英衛詠鋭液疫益駅悦謁越閲榎厭円園堰奄宴延怨掩援沿演炎焔煙燕猿縁艶苑薗遠鉛鴛塩於汚甥凹央奥往応押旺横欧殴王翁襖鴬鴎黄岡"
    "沖荻億屋憶臆桶牡乙俺卸恩温穏音下化仮何伽価佳加可嘉夏嫁家寡科暇果架歌河火珂禍禾稼箇花苛茄荷華菓蝦課嘩貨迦過霞蚊俄峨我牙画臥芽蛾賀雅餓駕介会解回塊壊廻快怪悔恢懐戒拐改魁晦械海灰界皆絵芥蟹開階貝凱劾外咳害"
    "崖慨概涯碍蓋街該鎧骸浬馨蛙垣柿蛎鈎劃嚇各廓拡撹格核殻獲確穫覚角赫較郭閣隔革学岳楽額顎掛笠樫橿梶鰍潟割喝恰括活渇滑葛褐轄且鰹叶椛樺鞄株兜竃蒲釜鎌噛鴨栢茅萱粥刈苅瓦乾侃冠寒刊勘勧巻喚堪姦完官寛干幹患感慣憾"
    "換敢柑桓棺款歓汗漢澗潅環甘監看竿管簡緩缶翰肝艦莞観諌貫還鑑間閑関陥韓館舘丸含岸巌玩癌眼岩翫贋雁頑顔願企伎危喜器基奇嬉寄岐希幾忌揮机旗既期棋棄機帰毅気汽畿祈季稀紀徽規記貴起軌輝飢騎鬼亀偽儀妓宜戯技擬欺犠"
    "疑祇義蟻誼議掬菊鞠吉吃喫桔橘詰砧杵黍却客脚虐逆丘久仇休及吸宮弓急救朽求汲泣灸球究窮笈級糾給旧牛去居巨拒拠挙渠虚許距鋸漁禦魚亨享京供侠僑兇競共凶協匡卿叫喬境峡強彊怯恐恭挟教橋況狂狭矯胸脅興蕎郷鏡響饗驚仰"
    "凝尭暁業局曲極玉桐粁僅勤均巾錦斤欣欽琴禁禽筋緊芹菌衿襟謹近金吟銀九倶句区狗玖矩苦躯駆駈駒具愚虞喰空偶寓遇隅串櫛釧屑屈掘窟沓靴轡窪熊隈粂栗繰桑鍬勲君薫訓群軍郡卦袈祁係傾刑兄啓圭珪型契形径恵慶慧憩掲携敬景"
    "桂渓畦稽系経継繋罫茎荊蛍計詣警軽頚鶏芸迎鯨劇戟撃激隙桁傑欠決潔穴結血訣月件倹倦健兼券剣喧圏堅嫌建憲懸拳捲検権牽犬献研硯絹県肩見謙賢軒遣鍵険顕験鹸元原厳幻弦減源玄現絃舷言諺限乎個古呼固姑孤己庫弧戸故枯湖"
    "狐糊袴股胡菰虎誇跨鈷雇顧鼓五互伍午呉吾娯後御悟梧檎瑚碁語誤護醐乞鯉交佼侯候倖光公功効勾厚口向后喉坑垢好孔孝宏工巧巷幸広庚康弘恒慌抗拘控攻昂晃更杭校梗構江洪浩港溝甲皇硬稿糠紅紘絞綱耕考肯肱腔膏航荒行衡講"
    "貢購郊酵鉱砿鋼閤降項香高鴻剛劫号合壕拷濠豪轟麹克刻告国穀酷鵠黒獄漉腰甑忽惚骨狛込此頃今困坤墾婚恨懇昏昆根梱混痕紺艮魂些佐叉唆嵯左差査沙瑳砂詐鎖裟坐座挫債催再最哉塞妻宰彩才採栽歳済災采犀砕砦祭斎細菜裁載"
    "際剤在材罪財冴坂阪堺榊肴咲崎埼碕鷺作削咋搾昨朔柵窄策索錯桜鮭笹匙冊刷察拶撮擦札殺薩雑皐鯖捌錆鮫皿晒三傘参山惨撒散桟燦珊産算纂蚕讃賛酸餐斬暫残仕仔伺使刺司史嗣四士始姉姿子屍市師志思指支孜斯施旨枝止死氏獅"
    "祉私糸紙紫肢脂至視詞詩試誌諮資賜雌飼歯事似侍児字寺慈持時次滋治爾璽痔磁示而耳自蒔辞汐鹿式識鴫竺軸宍雫七叱執失嫉室悉湿漆疾質実蔀篠偲柴芝屡蕊縞舎写射捨赦斜煮社紗者謝車遮蛇邪借勺尺杓灼爵酌釈錫若寂弱惹主取"
    "守手朱殊狩珠種腫趣酒首儒受呪寿授樹綬需囚収周宗就州修愁拾洲秀秋終繍習臭舟蒐衆襲讐蹴輯週酋酬集醜什住充十従戎柔汁渋獣縦重銃叔夙宿淑祝縮粛塾熟出術述俊峻春瞬竣舜駿准循旬楯殉淳準潤盾純巡遵醇順処初所暑曙渚庶"
    "緒署書薯藷諸助叙女序徐恕鋤除傷償勝匠升召哨商唱嘗奨妾娼宵将小少尚庄床廠彰承抄招掌捷昇昌昭晶松梢樟樵沼消渉湘焼焦照症省硝礁祥称章笑粧紹肖菖蒋蕉衝裳訟証詔詳象賞醤鉦鍾鐘障鞘上丈丞乗冗剰城場壌嬢常情擾条杖浄"
    "状畳穣蒸譲醸錠嘱埴飾拭植殖燭織職色触食蝕辱尻伸信侵唇娠寝審心慎振新晋森榛浸深申疹真神秦紳臣芯薪親診身辛進針震人仁刃塵壬尋甚尽腎訊迅陣靭笥諏須酢図厨逗吹垂帥推水炊睡粋翠衰遂酔錐錘随瑞髄崇嵩数枢趨雛据杉椙"
    "菅頗雀裾澄摺寸世瀬畝是凄制勢姓征性成政整星晴棲栖正清牲生盛精聖声製西誠誓請逝醒青静斉税脆隻席惜戚斥昔析石積籍績脊責赤跡蹟碩切拙接摂折設窃節説雪絶舌蝉仙先千占宣専尖川戦扇撰栓栴泉浅洗染潜煎煽旋穿箭線繊羨"
    "腺舛船薦詮賎践選遷銭銑閃鮮前善漸然全禅繕膳糎噌塑岨措曾曽楚狙疏疎礎祖租粗素組蘇訴阻遡鼠僧創双叢倉喪壮奏爽宋層匝惣想捜掃挿掻操早曹巣槍槽漕燥争痩相窓糟総綜聡草荘葬蒼藻装走送遭鎗霜騒像増憎臓蔵贈造促側則即"
    "息捉束測足速俗属賊族続卒袖其揃存孫尊損村遜他多太汰詑唾堕妥惰打柁舵楕陀駄騨体堆対耐岱帯待怠態戴替泰滞胎腿苔袋貸退逮隊黛鯛代台大第醍題鷹滝瀧卓啄宅托択拓沢濯琢託鐸濁諾茸凧蛸只叩但達辰奪脱巽竪辿棚谷狸鱈樽"
    "誰丹単嘆坦担探旦歎淡湛炭短端箪綻耽胆蛋誕鍛団壇弾断暖檀段男談値知地弛恥智池痴稚置致蜘遅馳築畜竹筑蓄逐秩窒茶嫡着中仲宙忠抽昼柱注虫衷註酎鋳駐樗瀦猪苧著貯丁兆凋喋寵帖帳庁弔張彫徴懲挑暢朝潮牒町眺聴脹腸蝶調"
    "諜超跳銚長頂鳥勅捗直朕沈珍賃鎮陳津墜椎槌追鎚痛通塚栂掴槻佃漬柘辻蔦綴鍔椿潰坪壷嬬紬爪吊釣鶴亭低停偵剃貞呈堤定帝底庭廷弟悌抵挺提梯汀碇禎程締艇訂諦蹄逓邸鄭釘鼎泥摘擢敵滴的笛適鏑溺哲徹撤轍迭鉄典填天展店添"
    "纏甜貼転顛点伝殿澱田電兎吐堵塗妬屠徒斗杜渡登菟賭途都鍍砥砺努度土奴怒倒党冬凍刀唐塔塘套宕島嶋悼投搭東桃梼棟盗淘湯涛灯燈当痘祷等答筒糖統到董蕩藤討謄豆踏逃透鐙陶頭騰闘働動同堂導憧撞洞瞳童胴萄道銅峠鴇匿得"
    "徳涜特督禿篤毒独読栃橡凸突椴届鳶苫寅酉瀞噸屯惇敦沌豚遁頓呑曇鈍奈那内乍凪薙謎灘捺鍋楢馴縄畷南楠軟難汝二尼弐迩匂賑肉虹廿日乳入如尿韮任妊忍認濡禰祢寧葱猫熱年念捻撚燃粘乃廼之埜嚢悩濃納能脳膿農覗蚤巴把播覇"
    "杷波派琶破婆罵芭馬俳廃拝排敗杯盃牌背肺輩配倍培媒梅楳煤狽買売賠陪這蝿秤矧萩伯剥博拍柏泊白箔粕舶薄迫曝漠爆縛莫駁麦函箱硲箸肇筈櫨幡肌畑畠八鉢溌発醗髪伐罰抜筏閥鳩噺塙蛤隼伴判半反叛帆搬斑板氾汎版犯班畔繁般"
    "藩販範釆煩頒飯挽晩番盤磐蕃蛮匪卑否妃庇彼悲扉批披斐比泌疲皮碑秘緋罷肥被誹費避非飛樋簸備尾微枇毘琵眉美鼻柊稗匹疋髭彦膝菱肘弼必畢筆逼桧姫媛紐百謬俵彪標氷漂瓢票表評豹廟描病秒苗錨鋲蒜蛭鰭品彬斌浜瀕貧賓頻敏"
    "瓶不付埠夫婦富冨布府怖扶敷斧普浮父符腐膚芙譜負賦赴阜附侮撫武舞葡蕪部封楓風葺蕗伏副復幅服福腹複覆淵弗払沸仏物鮒分吻噴墳憤扮焚奮粉糞紛雰文聞丙併兵塀幣平弊柄並蔽閉陛米頁僻壁癖碧別瞥蔑箆偏変片篇編辺返遍便"
    "勉娩弁鞭保舗鋪圃捕歩甫補輔穂募墓慕戊暮母簿菩倣俸包呆報奉宝峰峯崩庖抱捧放方朋法泡烹砲縫胞芳萌蓬蜂褒訪豊邦鋒飽鳳鵬乏亡傍剖坊妨帽忘忙房暴望某棒冒紡肪膨謀貌貿鉾防吠頬北僕卜墨撲朴牧睦穆釦勃没殆堀幌奔本翻凡"
    "盆摩磨魔麻埋妹昧枚毎哩槙幕膜枕鮪柾鱒桝亦俣又抹末沫迄侭繭麿万慢満漫蔓味未魅巳箕岬密蜜湊蓑稔脈妙粍民眠務夢無牟矛霧鵡椋婿娘冥名命明盟迷銘鳴姪牝滅免棉綿緬面麺摸模茂妄孟毛猛盲網耗蒙儲木黙目杢勿餅尤戻籾貰問"
    "悶紋門匁也冶夜爺耶野弥矢厄役約薬訳躍靖柳薮鑓愉愈油癒諭輸唯佑優勇友宥幽悠憂揖有柚湧涌猶猷由祐裕誘遊邑郵雄融夕予余与誉輿預傭幼妖容庸揚揺擁曜楊様洋溶熔用窯羊耀葉蓉要謡踊遥陽養慾抑欲沃浴翌翼淀羅螺裸来莱頼"
    "雷洛絡落酪乱卵嵐欄濫藍蘭覧利吏履李梨理璃痢裏裡里離陸律率立葎掠略劉流溜琉留硫粒隆竜龍侶慮旅虜了亮僚両凌寮料梁涼猟療瞭稜糧良諒遼量陵領力緑倫厘林淋燐琳臨輪隣鱗麟瑠塁涙累類令伶例冷励嶺怜玲礼苓鈴隷零霊麗齢"
    "暦歴列劣烈裂廉恋憐漣煉簾練聯蓮連錬呂魯櫓炉賂路露労婁廊弄朗楼榔浪漏牢狼篭老聾蝋郎六麓禄肋録論倭和話歪賄脇惑枠鷲亙亘鰐詫藁蕨椀湾碗腕"
)
#: KS X 1001 hangul syllables.
COMMON_HANGUL = (
    "가각간갇갈갉갊감갑값갓갔강갖갗같갚갛개객갠갤갬갭갯갰갱갸갹갼걀걋걍걔걘걜거걱건걷걸걺검겁것겄겅겆겉겊겋게겐겔겜겝겟겠겡겨격겪견겯결겸겹겻겼경곁계곈곌곕곗고곡곤곧골곪곬곯곰곱곳공곶과곽관괄괆괌괍괏광괘괜"
    "괠괩괬괭괴괵괸괼굄굅굇굉교굔굘굡굣구국군굳굴굵굶굻굼굽굿궁궂궈궉권궐궜궝궤궷귀귁귄귈귐귑귓규균귤그극근귿글긁금급긋긍긔기긱긴긷길긺김깁깃깅깆깊까깍깎깐깔깖깜깝깟깠깡깥깨깩깬깰깸깹깻깼깽꺄꺅꺌꺼꺽꺾껀껄"
    "껌껍껏껐껑께껙껜껨껫껭껴껸껼꼇꼈꼍꼐꼬꼭꼰꼲꼴꼼꼽꼿꽁꽂꽃꽈꽉꽐꽜꽝꽤꽥꽹꾀꾄꾈꾐꾑꾕꾜꾸꾹꾼꿀꿇꿈꿉꿋꿍꿎꿔꿜꿨꿩꿰꿱꿴꿸뀀뀁뀄뀌뀐뀔뀜뀝뀨끄끅끈끊끌끎끓끔끕끗끙끝끼끽낀낄낌낍낏낑나낙낚난낟날낡낢남"
    "납낫났낭낮낯낱낳내낵낸낼냄냅냇냈냉냐냑냔냘냠냥너넉넋넌널넒넓넘넙넛넜넝넣네넥넨넬넴넵넷넸넹녀녁년녈념녑녔녕녘녜녠노녹논놀놂놈놉놋농높놓놔놘놜놨뇌뇐뇔뇜뇝뇟뇨뇩뇬뇰뇹뇻뇽누눅눈눋눌눔눕눗눙눠눴눼뉘뉜뉠뉨"
    "뉩뉴뉵뉼늄늅늉느늑는늘늙늚늠늡늣능늦늪늬늰늴니닉닌닐닒님닙닛닝닢다닥닦단닫달닭닮닯닳담답닷닸당닺닻닿대댁댄댈댐댑댓댔댕댜더덕덖던덛덜덞덟덤덥덧덩덫덮데덱덴델뎀뎁뎃뎄뎅뎌뎐뎔뎠뎡뎨뎬도독돈돋돌돎돐돔돕돗"
    "동돛돝돠돤돨돼됐되된될됨됩됫됴두둑둔둘둠둡둣둥둬뒀뒈뒝뒤뒨뒬뒵뒷뒹듀듄듈듐듕드득든듣들듦듬듭듯등듸디딕딘딛딜딤딥딧딨딩딪따딱딴딸땀땁땃땄땅땋때땍땐땔땜땝땟땠땡떠떡떤떨떪떫떰떱떳떴떵떻떼떽뗀뗄뗌뗍뗏뗐뗑"
    "뗘뗬또똑똔똘똥똬똴뙈뙤뙨뚜뚝뚠뚤뚫뚬뚱뛔뛰뛴뛸뜀뜁뜅뜨뜩뜬뜯뜰뜸뜹뜻띄띈띌띔띕띠띤띨띰띱띳띵라락란랄람랍랏랐랑랒랖랗래랙랜랠램랩랫랬랭랴략랸럇량러럭런럴럼럽럿렀렁렇레렉렌렐렘렙렛렝려력련렬렴렵렷렸령례"
    "롄롑롓로록론롤롬롭롯롱롸롼뢍뢨뢰뢴뢸룀룁룃룅료룐룔룝룟룡루룩룬룰룸룹룻룽뤄뤘뤠뤼뤽륀륄륌륏륑류륙륜률륨륩륫륭르륵른를름릅릇릉릊릍릎리릭린릴림립릿링마막만많맏말맑맒맘맙맛망맞맡맣매맥맨맬맴맵맷맸맹맺먀먁"
    "먈먕머먹먼멀멂멈멉멋멍멎멓메멕멘멜멤멥멧멨멩며멱면멸몃몄명몇몌모목몫몬몰몲몸몹못몽뫄뫈뫘뫙뫼묀묄묍묏묑묘묜묠묩묫무묵묶문묻물묽묾뭄뭅뭇뭉뭍뭏뭐뭔뭘뭡뭣뭬뮈뮌뮐뮤뮨뮬뮴뮷므믄믈믐믓미믹민믿밀밂밈밉밋밌밍"
    "및밑바박밖밗반받발밝밞밟밤밥밧방밭배백밴밸뱀뱁뱃뱄뱅뱉뱌뱍뱐뱝버벅번벋벌벎범법벗벙벚베벡벤벧벨벰벱벳벴벵벼벽변별볍볏볐병볕볘볜보복볶본볼봄봅봇봉봐봔봤봬뵀뵈뵉뵌뵐뵘뵙뵤뵨부북분붇불붉붊붐붑붓붕붙붚붜붤"
    "붰붸뷔뷕뷘뷜뷩뷰뷴뷸븀븃븅브븍븐블븜븝븟비빅빈빌빎빔빕빗빙빚빛빠빡빤빨빪빰빱빳빴빵빻빼빽뺀뺄뺌뺍뺏뺐뺑뺘뺙뺨뻐뻑뻔뻗뻘뻠뻣뻤뻥뻬뼁뼈뼉뼘뼙뼛뼜뼝뽀뽁뽄뽈뽐뽑뽕뾔뾰뿅뿌뿍뿐뿔뿜뿟뿡쀼쁑쁘쁜쁠쁨쁩삐삑삔삘"
    "삠삡삣삥사삭삯산삳살삵삶삼삽삿샀상샅새색샌샐샘샙샛샜생샤샥샨샬샴샵샷샹섀섄섈섐섕서석섞섟선섣설섦섧섬섭섯섰성섶세섹센셀셈셉셋셌셍셔셕션셜셤셥셧셨셩셰셴셸솅소속솎손솔솖솜솝솟송솥솨솩솬솰솽쇄쇈쇌쇔쇗쇘쇠"
    "쇤쇨쇰쇱쇳쇼쇽숀숄숌숍숏숑수숙순숟술숨숩숫숭숯숱숲숴쉈쉐쉑쉔쉘쉠쉥쉬쉭쉰쉴쉼쉽쉿슁슈슉슐슘슛슝스슥슨슬슭슴습슷승시식신싣실싫심십싯싱싶싸싹싻싼쌀쌈쌉쌌쌍쌓쌔쌕쌘쌜쌤쌥쌨쌩썅써썩썬썰썲썸썹썼썽쎄쎈쎌쏀쏘"
    "쏙쏜쏟쏠쏢쏨쏩쏭쏴쏵쏸쐈쐐쐤쐬쐰쐴쐼쐽쑈쑤쑥쑨쑬쑴쑵쑹쒀쒔쒜쒸쒼쓩쓰쓱쓴쓸쓺쓿씀씁씌씐씔씜씨씩씬씰씸씹씻씽아악안앉않알앍앎앓암압앗았앙앝앞애액앤앨앰앱앳앴앵야약얀얄얇얌얍얏양얕얗얘얜얠얩어억언얹얻얼얽"
    "얾엄업없엇었엉엊엌엎에엑엔엘엠엡엣엥여역엮연열엶엷염엽엾엿였영옅옆옇예옌옐옘옙옛옜오옥온올옭옮옰옳옴옵옷옹옻와왁완왈왐왑왓왔왕왜왝왠왬왯왱외왹왼욀욈욉욋욍요욕욘욜욤욥욧용우욱운울욹욺움웁웃웅워웍원월웜"
    "웝웠웡웨웩웬웰웸웹웽위윅윈윌윔윕윗윙유육윤율윰윱윳융윷으윽은을읊음읍읏응읒읓읔읕읖읗의읜읠읨읫이익인일읽읾잃임입잇있잉잊잎자작잔잖잗잘잚잠잡잣잤장잦재잭잰잴잼잽잿쟀쟁쟈쟉쟌쟎쟐쟘쟝쟤쟨쟬저적전절젊점접"
    "젓정젖제젝젠젤젬젭젯젱져젼졀졈졉졌졍졔조족존졸졺좀좁좃종좆좇좋좌좍좔좝좟좡좨좼좽죄죈죌죔죕죗죙죠죡죤죵주죽준줄줅줆줌줍줏중줘줬줴쥐쥑쥔쥘쥠쥡쥣쥬쥰쥴쥼즈즉즌즐즘즙즛증지직진짇질짊짐집짓징짖짙짚짜짝짠짢"
    "짤짧짬짭짯짰짱째짹짼쨀쨈쨉쨋쨌쨍쨔쨘쨩쩌쩍쩐쩔쩜쩝쩟쩠쩡쩨쩽쪄쪘쪼쪽쫀쫄쫌쫍쫏쫑쫓쫘쫙쫠쫬쫴쬈쬐쬔쬘쬠쬡쭁쭈쭉쭌쭐쭘쭙쭝쭤쭸쭹쮜쮸쯔쯤쯧쯩찌찍찐찔찜찝찡찢찧차착찬찮찰참찹찻찼창찾채책챈챌챔챕챗챘챙챠챤"
    "챦챨챰챵처척천철첨첩첫첬청체첵첸첼쳄쳅쳇쳉쳐쳔쳤쳬쳰촁초촉촌촐촘촙촛총촤촨촬촹최쵠쵤쵬쵭쵯쵱쵸춈추축춘출춤춥춧충춰췄췌췐취췬췰췸췹췻췽츄츈츌츔츙츠측츤츨츰츱츳층치칙친칟칠칡침칩칫칭카칵칸칼캄캅캇캉캐캑"
    "캔캘캠캡캣캤캥캬캭컁커컥컨컫컬컴컵컷컸컹케켁켄켈켐켑켓켕켜켠켤켬켭켯켰켱켸코콕콘콜콤콥콧콩콰콱콴콸쾀쾅쾌쾡쾨쾰쿄쿠쿡쿤쿨쿰쿱쿳쿵쿼퀀퀄퀑퀘퀭퀴퀵퀸퀼큄큅큇큉큐큔큘큠크큭큰클큼큽킁키킥킨킬킴킵킷킹타탁탄"
    "탈탉탐탑탓탔탕태택탠탤탬탭탯탰탱탸턍터턱턴털턺텀텁텃텄텅테텍텐텔템텝텟텡텨텬텼톄톈토톡톤톨톰톱톳통톺톼퇀퇘퇴퇸툇툉툐투툭툰툴툼툽툿퉁퉈퉜퉤튀튁튄튈튐튑튕튜튠튤튬튱트특튼튿틀틂틈틉틋틔틘틜틤틥티틱틴틸팀"
    "팁팃팅파팍팎판팔팖팜팝팟팠팡팥패팩팬팰팸팹팻팼팽퍄퍅퍼퍽펀펄펌펍펏펐펑페펙펜펠펨펩펫펭펴편펼폄폅폈평폐폘폡폣포폭폰폴폼폽폿퐁퐈퐝푀푄표푠푤푭푯푸푹푼푿풀풂품풉풋풍풔풩퓌퓐퓔퓜퓟퓨퓬퓰퓸퓻퓽프픈플픔픕픗"
    "피픽핀필핌핍핏핑하학한할핥함합핫항해핵핸핼햄햅햇했행햐향허헉헌헐헒험헙헛헝헤헥헨헬헴헵헷헹혀혁현혈혐협혓혔형혜혠혤혭호혹혼홀홅홈홉홋홍홑화확환활홧황홰홱홴횃횅회획횐횔횝횟횡효횬횰횹횻후훅훈훌훑훔훗훙훠"
    "훤훨훰훵훼훽휀휄휑휘휙휜휠휨휩휫휭휴휵휸휼흄흇흉흐흑흔흖흗흘흙흠흡흣흥흩희흰흴흼흽힁히힉힌힐힘힙힛힝"
)
# fmt: on

# --- used by encoding/decode.py --------------------------------------------------------------

#: The WHATWG prescan reads this many bytes.
PRESCAN_BYTES = 1024
#: A ``<meta>`` starting past PRESCAN_BYTES is still read (and marked late) up to this offset.
LATE_META_SCAN_BYTES = 256 * 1024
#: Bytes looked at for UTF-16/32 NUL patterns.
NUL_SNIFF_BYTES = 4096
#: UTF-16: share of NULs the "high byte" position needs, and how many times rarer they must be in the other.
UTF16_MIN_NUL_SHARE = 0.03
UTF16_NUL_SKEW = 8.0
#: UTF-32: share of NULs both high-byte positions need.
UTF32_MIN_NUL_SHARE = 0.9
#: Share of printable characters a NUL-pattern UTF-16/32 decoding needs to count as text.
MIN_PRINTABLE_SHARE = 0.9
#: A single-byte answer from chardet below this confidence is not trusted.
SINGLE_BYTE_MIN_CONFIDENCE = 0.5
#: Private Use Area characters tolerated in a decoding: at most this many, or this share of non-ASCII.
PUA_MAX_COUNT = 2
PUA_MAX_SHARE = 0.01
#: Replacement characters tolerated from a declared codec or a BOM: this share of non-ASCII characters.
BAD_MAX_SHARE = 0.01
#: Codecs whose mappings include the Private Use Area (Big5 bytes under gb18030 land there).
PUA_PRONE_CODECS = frozenset({"gb18030", "cp932"})
#: A last-resort reading with more bad characters than this share of non-ASCII bytes counts as broken.
LAST_RESORT_BROKEN_SHARE = 0.05
#: The single-byte reading used then.
LAST_RESORT_SINGLE_BYTE = "cp1252"
#: UTF-8 made of 2-byte characters only is read as GB when its characters change script block this often.
UTF8_SCRIPT_HOP_SHARE = 0.5
#: Non-ASCII characters looked at for that.
UTF8_SCRIPT_HOP_SAMPLE = 1000
#: Codecs tried by the last resort, after the declared codec and chardet's answers.
LAST_RESORT_CODECS = ("gb18030", "big5hkscs", "utf-8")
#: Stateful 7-bit codecs: pure-ASCII bytes may still need them.
SEVEN_BIT_CODECS = frozenset({"hz", "iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_kr", "utf-7"})
#: Confidence by source and kind of evidence.
CONFIDENCE: dict[str, float] = {
    "override": 1.0,
    "bom": 1.0,
    "bom-damaged": 0.8,  # a BOM whose body has a few undecodable bytes
    "ascii": 1.0,
    "verified": 0.99,  # declared (transport/meta/XML) and confirmed by a strict decode
    "http": 0.99,
    "meta": 0.99,
    "xml": 0.99,
    "late": 0.9,  # a <meta> found after the first 1024 bytes
    "weak": 0.85,  # <meta content=...charset=...> without http-equiv
    "utf-16-nul": 0.95,
    "single-byte-declared": 0.6,  # a single-byte label cannot be checked by decoding
    "chardet-max": 0.95,
    "gb-not-utf-8": 0.6,  # bytes valid as UTF-8 only as script-hopping 2-byte characters
    "last-resort": 0.3,  # scaled down by the share of replacement characters
    "last-resort-clean": 0.5,  # chardet was inconclusive but a candidate decodes cleanly
    "implausible-declared": 0.6,  # declared, decodes cleanly, reads implausibly, and nothing reads better
    "candidate": 0.7,  # not the detector's answer, but the one clean reading plausible for its script
    "utf-8-majority": 0.8,  # mostly UTF-8, a minority of runs in another encoding
}
#: In-document labels for UTF-16/32 mean UTF-8: the label was readable as ASCII (WHATWG prescan rule).
WIDE_CODECS = frozenset({"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"})

# --- used by encoding/mojibake.py --------------------------------------------------------------

# A clean UTF-8 file with no CJK is read again from the bytes its Latin-1 letters stand for (a page saved
# through a Latin-1 reading) when it holds at least MOJIBAKE_MIN_LEADS letters U+00C0-U+00FF (lead bytes),
# and the recovered text has at least MOJIBAKE_MIN_CJK hanzi, MOJIBAKE_CJK_SHARE of its non-ASCII characters.
MOJIBAKE_MIN_LEADS = 8
MOJIBAKE_MIN_CJK = 4
MOJIBAKE_CJK_SHARE = 0.5
MOJIBAKE_STEP = "latin-1-repair"
# Steps whose reading is no evidence for a repair (nothing read the recovered bytes plausibly).
MOJIBAKE_WEAK_STEPS = frozenset({"declared-tolerable", "content-weak", "declared-fallback", "last-resort"})
