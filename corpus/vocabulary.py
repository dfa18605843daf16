"""The words of the synthetic corpus: countries with their people, places and institutions,
missions, sentence templates per topic, subjects, headings, names, and the shapes of the
lines a cable carries (banners, markings, classification reasons). Data only."""

# One entry a line, however long.
# ruff: noqa: E501

# The release's real counts per classification.
REAL_CLASSIFICATIONS = {
    "UNCLASSIFIED": 75_792,
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": 58_095,
    "CONFIDENTIAL": 97_070,
    "CONFIDENTIAL//NOFORN": 4_678,
    "SECRET": 11_322,
    "SECRET//NOFORN": 4_330,
}


COUNTRY_TABLE = """
TU|Turkey|Turkish|Ankara|Istanbul;Adana|Recep Tayyip Erdogan:Prime Minister:Erdogan;Abdullah Gul:President;Ahmet Davutoglu:Foreign Minister;Ali Babacan:Foreign Minister;Deniz Baykal:CHP leader;Ilker Basbug:General;Devlet Bahceli:MHP leader|AKP;CHP;Turkish General Staff;MFA;Constitutional Court;Nabucco consortium;BOTAS;Diyanet|Istanbul;Diyarbakir;southeast Turkey;northern Iraq;Kurdish areas;the Bosphorus|IZ;IR;GR;CY;AM;SY|pol4;mil3;terror3;energy3;hr2;econ2;dispute2;visit2
IZ|Iraq|Iraqi|Baghdad|Basrah;Kirkuk;Hillah;Mosul|Nouri al-Maliki:Prime Minister:Maliki;Jalal Talabani:President;Tariq al-Hashimi:Vice President:Hashimi;Massoud Barzani:KRG President:Barzani;Moqtada al-Sadr:cleric:Sadr;Ayad Allawi:former Prime Minister:Allawi;Abdul Aziz al-Hakim:ISCI leader:Hakim;Hoshyar Zebari:Foreign Minister:Zebari|Council of Representatives;Kurdistan Regional Government;Sons of Iraq;Jaysh al-Mahdi;MNF-I;Ministry of Interior;Independent High Electoral Commission;Iraqi Security Forces;North Oil Company|Anbar;Basrah;Kirkuk;Mosul;Najaf;Diyala;Sadr City;the Green Zone;Kurdistan|IR;SY;TU;SA;KU;JO|pol5;terror4;mil4;energy3;corr2;hr2;econ1
JA|Japan|Japanese|Tokyo|Osaka Kobe;Naha;Sapporo;Fukuoka;Nagoya|Yasuo Fukuda:Prime Minister;Taro Aso:Foreign Minister;Shinzo Abe:Prime Minister;Junichiro Koizumi:Prime Minister;Yukio Hatoyama:Prime Minister;Katsuya Okada:Foreign Minister;Ichiro Ozawa:DPJ Secretary General;Masahiko Komura:Foreign Minister|LDP;DPJ;MOFA;the Diet;Keidanren;Japan Self-Defense Forces;METI;Ministry of Defense;Toyota|Okinawa;Futenma;Henoko;the Senkaku Islands;the Northern Territories;Takeshima;Hokkaido;Osaka|RS;CH;KS;KN;TW|pol4;mil3;dispute3;econ3;visit2;nuclear2;env1
US|United States|American|Washington|||||pol1
RS|Russia|Russian|Moscow|St. Petersburg;Yekaterinburg;Vladivostok|Vladimir Putin:Prime Minister;Dmitriy Medvedev:President;Sergey Lavrov:Foreign Minister;Aleksey Kudrin:Finance Minister;Igor Sechin:Deputy Prime Minister;Vladislav Surkov:Deputy Chief of Staff;Yuriy Luzhkov:Mayor;Ramzan Kadyrov:Chechen President;Mikhail Khodorkovskiy:former Yukos head;Grigoriy Karasin:Deputy Foreign Minister|Gazprom;Rosneft;Lukoil;Transneft;the Duma;the Kremlin;United Russia;the FSB;Rosatom;the MFA;the Federation Council;Yukos|Chechnya;Dagestan;Sakhalin;Kaliningrad;the North Caucasus;Siberia;the Kurile Islands;Ingushetia;St. Petersburg|UP;GG;BO;KZ;AJ;JA;CH|pol5;energy5;hr3;mil2;econ3;dispute2;nuclear2;corr2
AF|Afghanistan|Afghan|Kabul||Hamid Karzai:President;Abdullah Abdullah:presidential candidate:Abdullah;Rangin Dadfar Spanta:Foreign Minister;Abdul Rahim Wardak:Defense Minister;Hanif Atmar:Interior Minister;Ashraf Ghani:former Finance Minister;Ahmed Wali Karzai:Kandahar Provincial Council chief;Gul Agha Sherzai:Governor|ISAF;the Taliban;the Afghan National Army;the Afghan National Police;the Independent Election Commission;the Ministry of Counter Narcotics;the National Directorate of Security;the Wolesi Jirga|Helmand;Kandahar;Kunar;Herat;Nangarhar;Kabul;Badakhshan;Balkh|PK;IR;TI;UZ|pol4;terror4;mil4;narc4;corr3;hr2;econ1
PK|Pakistan|Pakistani|Islamabad|Karachi;Lahore;Peshawar|Asif Ali Zardari:President;Pervez Musharraf:President;Yousaf Raza Gilani:Prime Minister;Nawaz Sharif:PML-N leader;Benazir Bhutto:PPP leader;Shah Mehmood Qureshi:Foreign Minister;Ashfaq Parvez Kayani:General;Rehman Malik:Interior Minister|PPP;PML-N;the ISI;the Pakistani Army;the Frontier Corps;Lashkar-e-Taiba;the National Assembly;the Supreme Court;Tehrik-e-Taliban|FATA;Swat;South Waziristan;Peshawar;Lahore;Karachi;Baluchistan;Kashmir|AF;IN;IR;CH|pol4;terror5;mil3;nuclear2;econ2;hr2;corr2
CH|China|Chinese|Beijing|Shanghai;Guangzhou;Shenyang;Chengdu|Hu Jintao:President:Hu;Wen Jiabao:Premier:Wen;Yang Jiechi:Foreign Minister:Yang;Xi Jinping:Vice President:Xi;Wang Qishan:Vice Premier:Wang;Dai Bingguo:State Councilor:Dai|the Politburo;the PLA;the MFA;CNPC;Sinopec;the People's Bank of China;the NDRC;the Communist Party;MOFCOM|Xinjiang;Tibet;Guangdong;Shanghai;Taiwan;Sichuan;Hong Kong|JA;KN;TW;RS;IN;BM|pol4;econ5;hr3;mil2;energy2;nuclear2;env2;dispute2
IR|Iran|Iranian|Dubai||Mahmoud Ahmadinejad:President;Ali Khamenei:Supreme Leader;Akbar Hashemi Rafsanjani:former President:Rafsanjani;Ali Larijani:Majlis Speaker;Manouchehr Mottaki:Foreign Minister;Saeed Jalili:chief nuclear negotiator;Mir Hossein Mousavi:opposition leader|the IRGC;the Majlis;the Basij;the Atomic Energy Organization of Iran;the Guardian Council;the Quds Force;the Central Bank of Iran|Natanz;Bushehr;Qom;Tehran;Isfahan;the Gulf|IZ;AF;TU;AE;SA|nuclear5;pol4;hr3;terror2;energy3;econ2
FR|France|French|Paris|Marseille;Strasbourg|Nicolas Sarkozy:President;Jacques Chirac:President;Bernard Kouchner:Foreign Minister;Francois Fillon:Prime Minister;Dominique de Villepin:Prime Minister:Villepin;Jean-David Levitte:diplomatic adviser;Segolene Royal:Socialist candidate:Royal|the Elysee;the Quai d'Orsay;the UMP;the Socialist Party;Total;Areva;EDF;the National Assembly|Paris;Marseille;Corsica;the banlieues;Strasbourg|GM;IT;UK;SP;BE|pol4;econ3;mil2;nuclear2;terror2;visit2;hr1;energy2
GM|Germany|German|Berlin|Frankfurt;Munich;Hamburg;Duesseldorf;Leipzig|Angela Merkel:Chancellor;Frank-Walter Steinmeier:Foreign Minister;Guido Westerwelle:Foreign Minister;Wolfgang Schaeuble:Interior Minister;Karl-Theodor zu Guttenberg:Defense Minister:Guttenberg;Gerhard Schroeder:former Chancellor;Peer Steinbrueck:Finance Minister|the Bundestag;the Chancellery;the CDU;the SPD;the FDP;E.ON;Deutsche Bank;the Bundeswehr;the Foreign Office|Berlin;Munich;Frankfurt;Hamburg;Bavaria|FR;RS;PL;AU;NL|pol4;econ3;energy3;mil2;terror2;visit2;env1
IT|Italy|Italian|Rome|Milan;Naples;Florence|Silvio Berlusconi:Prime Minister;Romano Prodi:Prime Minister;Franco Frattini:Foreign Minister;Massimo D'Alema:Foreign Minister:D'Alema;Giorgio Napolitano:President;Giulio Tremonti:Finance Minister;Gianfranco Fini:Chamber President|ENI;Finmeccanica;the Chamber of Deputies;the PdL;the Democratic Party;the Northern League;Mediaset|Milan;Naples;Sicily;Lampedusa;Vicenza|FR;LY;RS;AL|pol4;energy3;econ2;mil2;narc1;hr1;visit2;corr2
UK|United Kingdom|British|London|Belfast;Edinburgh;Hamilton|Gordon Brown:Prime Minister;Tony Blair:Prime Minister;David Miliband:Foreign Secretary;Jack Straw:Foreign Secretary;David Cameron:Conservative leader;Nick Clegg:Liberal Democrat leader|the FCO;Number 10;the MOD;the Labour Party;the Conservative Party;BP;HM Treasury|London;Belfast;Scotland;Northern Ireland;Helmand|FR;GM;IR;AF|pol4;mil3;terror3;econ2;visit2;nuclear2
BR|Brazil|Brazilian|Brasilia|Sao Paulo;Rio De Janeiro;Recife|Luiz Inacio Lula da Silva:President:Lula;Celso Amorim:Foreign Minister;Nelson Jobim:Defense Minister;Dilma Rousseff:Chief of Staff;Jose Serra:Governor;Guido Mantega:Finance Minister|Itamaraty;Petrobras;the PT;BNDES;Mercosur;the Federal Police;Vale|Sao Paulo;Rio de Janeiro;the Amazon;Recife;the Triple Frontier;Bahia|AR;VE;BL;PA|pol3;econ4;energy3;env2;mil2;narc1;hr1
MX|Mexico|Mexican|Mexico|Monterrey;Tijuana;Ciudad Juarez;Guadalajara;Hermosillo;Nuevo Laredo;Matamoros;Merida;Nogales|Felipe Calderon:President;Vicente Fox:President;Patricia Espinosa:Foreign Secretary;Andres Manuel Lopez Obrador:PRD leader:Lopez Obrador;Genaro Garcia Luna:Public Security Secretary:Garcia Luna;Eduardo Medina Mora:Attorney General:Medina Mora|the PAN;the PRI;the PRD;Pemex;SEDENA;the Merida Initiative;the Federal Police;the Sinaloa cartel;the Gulf cartel|Ciudad Juarez;Tijuana;Monterrey;Chihuahua;Sinaloa;Michoacan;the border|US;GT|narc5;pol3;corr3;econ3;hr2;energy2;visa2
VE|Venezuela|Venezuelan|Caracas|Maracaibo|Hugo Chavez:President;Nicolas Maduro:Foreign Minister;Diosdado Cabello:Minister;Manuel Rosales:opposition leader;Rafael Ramirez:Energy Minister|PDVSA;the PSUV;the National Assembly;the CNE;the Bolivarian government;the armed forces|Caracas;Zulia;Maracaibo;the Orinoco Belt|CO;CU;BL;BR|pol5;energy4;hr3;econ2;narc2;mil1
UP|Ukraine|Ukrainian|Kyiv||Viktor Yushchenko:President;Yuliya Tymoshenko:Prime Minister;Viktor Yanukovych:Party of Regions leader;Arseniy Yatsenyuk:Speaker;Volodymyr Ohryzko:Foreign Minister|Naftogaz;the Rada;the Party of Regions;RosUkrEnergo;the Black Sea Fleet|Crimea;Sevastopol;Donetsk;Kharkiv;Odesa|RS;PL;BO|pol4;energy5;econ2;corr2;mil1
GG|Georgia|Georgian|Tbilisi||Mikheil Saakashvili:President;Eka Tkeshelashvili:Foreign Minister;Nino Burjanadze:Speaker;Lado Gurgenidze:Prime Minister|the Georgian Parliament;the Ministry of Internal Affairs;the opposition coalition|South Ossetia;Abkhazia;Tskhinvali;Gori;Batumi|RS;AM;AJ;TU|pol4;mil3;dispute3;hr2;energy2
IS|Israel|Israeli|Tel Aviv|Jerusalem|Ehud Olmert:Prime Minister;Benjamin Netanyahu:Prime Minister;Tzipi Livni:Foreign Minister;Ehud Barak:Defense Minister;Avigdor Lieberman:Foreign Minister;Mahmoud Abbas:Palestinian President:Abbas;Salam Fayyad:Palestinian Prime Minister:Fayyad|the IDF;the Knesset;Kadima;Likud;Hamas;the Palestinian Authority;Fatah|Gaza;the West Bank;Jerusalem;the Golan;Sderot|LE;SY;EG;JO|pol4;terror3;mil3;hr2;nuclear2;dispute2
KS|South Korea|South Korean|Seoul|Busan|Lee Myung-bak:President:Lee;Roh Moo-hyun:President:Roh;Yu Myung-hwan:Foreign Minister:Yu;Ban Ki-moon:Foreign Minister:Ban|the Blue House;MOFAT;the National Assembly;the Grand National Party;Samsung;Hyundai|Seoul;Kaesong;Dokdo;Jeju|KN;JA;CH|pol3;mil3;nuclear3;econ3;dispute2
EG|Egypt|Egyptian|Cairo|Alexandria|Hosni Mubarak:President;Ahmed Aboul Gheit:Foreign Minister:Aboul Gheit;Omar Soliman:intelligence chief:Soliman;Gamal Mubarak:NDP official:Gamal;Ahmed Nazif:Prime Minister|the NDP;the Muslim Brotherhood;the Egyptian General Intelligence Service;the People's Assembly;al-Azhar|Sinai;Rafah;Alexandria;the Suez Canal|IS;SU;LY|pol4;hr3;terror2;econ2;mil2
SA|Saudi Arabia|Saudi|Riyadh|Jeddah;Dhahran|King Abdullah:King:Abdullah;Saud al-Faisal:Foreign Minister:Saud;Prince Nayif:Interior Minister:Nayif;Prince Muhammad bin Nayif:Assistant Interior Minister:Muhammad bin Nayif;Prince Sultan:Crown Prince:Sultan|Saudi Aramco;the Majlis al-Shura;the Ministry of Interior;SAMA;the Mutawwa'in|Jeddah;the Eastern Province;Mecca;Riyadh|IR;IZ;YM;QA|pol3;energy4;terror4;hr2;mil2;econ2
IN|India|Indian|New Delhi|Mumbai;Chennai;Kolkata;Hyderabad|Manmohan Singh:Prime Minister:Singh;Pranab Mukherjee:External Affairs Minister:Mukherjee;Sonia Gandhi:Congress Party President:Gandhi;L.K. Advani:BJP leader:Advani;Shivshankar Menon:Foreign Secretary:Menon;P. Chidambaram:Home Minister:Chidambaram|the Congress Party;the BJP;the Ministry of External Affairs;the Lok Sabha;Reliance;the Left parties|Kashmir;Mumbai;Gujarat;Chhattisgarh;Assam|PK;CH;NP;BG;CE|pol4;nuclear3;econ3;terror3;energy2;mil2
SP|Spain|Spanish|Madrid|Barcelona|Jose Luis Rodriguez Zapatero:President:Zapatero;Miguel Angel Moratinos:Foreign Minister:Moratinos;Mariano Rajoy:PP leader:Rajoy;Carme Chacon:Defense Minister:Chacon|the PSOE;the PP;the Audiencia Nacional;Repsol;ETA|Catalonia;the Basque Country;Ceuta;Melilla;the Canary Islands|MO;FR;CU|pol3;terror3;econ2;narc1;energy1
PL|Poland|Polish|Warsaw|Krakow|Donald Tusk:Prime Minister;Lech Kaczynski:President;Radoslaw Sikorski:Foreign Minister;Jaroslaw Kaczynski:PiS leader|Civic Platform;PiS;the Sejm;the MFA;PGNiG|Gdansk;Krakow;Redzikowo|GM;RS;UP;BO|pol3;mil3;energy3;econ1
CA|Canada|Canadian|Ottawa|Toronto;Montreal;Vancouver;Calgary;Halifax;Quebec;Winnipeg|Stephen Harper:Prime Minister;Lawrence Cannon:Foreign Minister;Peter MacKay:Defense Minister;Michael Ignatieff:Liberal leader|the Conservative Party;the Liberal Party;DFAIT;the RCMP;the Bloc Quebecois|Alberta;Quebec;the Arctic;the oil sands;Kandahar|US|pol3;econ3;energy3;mil2;env2
AS|Australia|Australian|Canberra|Sydney;Melbourne;Perth|Kevin Rudd:Prime Minister;John Howard:Prime Minister;Stephen Smith:Foreign Minister;Alexander Downer:Foreign Minister;Julia Gillard:Deputy Prime Minister|the ALP;the Liberal Party;DFAT;the ADF|Sydney;Darwin;the Pacific|CH;ID;NZ|pol3;mil2;econ2;env2
LE|Lebanon|Lebanese|Beirut||Fouad Siniora:Prime Minister;Saad Hariri:March 14 leader;Hassan Nasrallah:Hizballah Secretary General:Nasrallah;Michel Aoun:FPM leader;Nabih Berri:Speaker;Walid Jumblatt:PSP leader;Michel Sleiman:President|Hizballah;the LAF;UNIFIL;the Special Tribunal;March 14;the Free Patriotic Movement|south Lebanon;Nahr al-Barid;the Bekaa;Beirut|SY;IS|pol5;terror3;mil2;hr1
SY|Syria|Syrian|Damascus||Bashar al-Asad:President:Asad;Walid al-Muallem:Foreign Minister:Muallem;Faisal Mekdad:Deputy Foreign Minister:Mekdad|the Ba'ath Party;the SARG;the Syrian intelligence services|Damascus;Aleppo;the Golan;the Iraqi border|LE;IZ;IS;TU|pol4;terror3;hr3;nuclear2
JO|Jordan|Jordanian|Amman||King Abdullah:King:Abdullah;Nasser Judeh:Foreign Minister:Judeh;Nader al-Dahabi:Prime Minister:Dahabi|the GID;the Islamic Action Front;the Royal Court|Zarqa;Aqaba|IZ;IS;SA|pol3;terror2;econ2;hr2
KU|Kuwait|Kuwaiti|Kuwait||Shaykh Sabah al-Ahmad al-Sabah:Amir:Sabah;Shaykh Nasser al-Mohammed:Prime Minister:Nasser|the National Assembly;KPC;the Ministry of Interior|Kuwait City|IZ;SA;IR|pol3;energy3;terror2
AE|United Arab Emirates|Emirati|Abu Dhabi|Dubai|Shaykh Mohammed bin Zayed:Crown Prince:MbZ;Shaykh Khalifa bin Zayed:President:Khalifa;Abdullah bin Zayed:Foreign Minister:AbZ|ADNOC;the Central Bank;Dubai Ports World|Dubai;Abu Dhabi;the Strait of Hormuz|IR;SA;QA|pol2;econ3;energy3;terror2;nuclear2
QA|Qatar|Qatari|Doha||Shaykh Hamad bin Khalifa:Amir:Hamad;Shaykh Hamad bin Jassim:Prime Minister:HBJ|Al Jazeera;Qatar Petroleum;RasGas|Doha;Al Udeid|SA;IR|pol2;energy3;econ2
YM|Yemen|Yemeni|Sanaa||Ali Abdullah Saleh:President:Saleh;Abu Bakr al-Qirbi:Foreign Minister:Qirbi|the GPC;the Islah Party;al-Qaida in the Arabian Peninsula;the Political Security Organization|Saada;Aden;Marib;Abyan|SA;SO|terror5;pol3;hr1;mil2
LY|Libya|Libyan|Tripoli||Muammar al-Qadhafi:Leader:Qadhafi;Saif al-Islam al-Qadhafi:son of the Leader:Saif al-Islam;Abdurrahman Shalgham:Foreign Minister:Shalgham|the National Oil Corporation;the GPC;the Revolutionary Committees|Benghazi;Tripoli;Sirte|EG;IT;TS|pol3;energy4;econ2;hr2
SU|Sudan|Sudanese|Khartoum||Omar al-Bashir:President:Bashir;Salva Kiir:First Vice President:Kiir;Ali Karti:Foreign Minister:Karti;Ghazi Salaheddin:Presidential Adviser:Salaheddin|the NCP;the SPLM;UNAMID;the Justice and Equality Movement;the ICC|Darfur;Juba;Abyei;El Fasher;southern Sudan|CD;EG;ET|pol4;hr4;mil2;energy2
KE|Kenya|Kenyan|Nairobi||Mwai Kibaki:President;Raila Odinga:Prime Minister;Moses Wetangula:Foreign Minister;Kalonzo Musyoka:Vice President|ODM;PNU;the Kenya Anti-Corruption Commission;the Kenyan Police|Rift Valley;Mombasa;Kibera|SO;SU;ET|pol4;corr3;hr2;terror2
NI|Nigeria|Nigerian|Abuja|Lagos|Umaru Yar'Adua:President:Yar'Adua;Goodluck Jonathan:Vice President:Jonathan;Olusegun Obasanjo:President;Ojo Maduekwe:Foreign Minister:Maduekwe|the PDP;the NNPC;MEND;the EFCC;INEC|the Niger Delta;Lagos;Kano;Port Harcourt|CM;NG;BN|pol4;energy4;corr4;hr2;terror1
SF|South Africa|South African|Pretoria|Johannesburg;Cape Town;Durban|Thabo Mbeki:President;Jacob Zuma:President;Kgalema Motlanthe:President;Nkosazana Dlamini-Zuma:Foreign Minister:Dlamini-Zuma;Julius Malema:ANC Youth League leader|the ANC;COSATU;the DIRCO;Eskom;the Scorpions|Johannesburg;Cape Town;KwaZulu-Natal|ZI;MZ;BC|pol4;econ2;hr2;energy2;corr2
ZI|Zimbabwe|Zimbabwean|Harare||Robert Mugabe:President;Morgan Tsvangirai:Prime Minister;Arthur Mutambara:MDC-M leader;Gideon Gono:Reserve Bank Governor|ZANU-PF;the MDC;the Reserve Bank of Zimbabwe;the Joint Operations Command|Harare;Bulawayo;Marange|SF;MZ;ZA|pol5;hr4;econ3
ET|Ethiopia|Ethiopian|Addis Ababa||Meles Zenawi:Prime Minister:Meles;Seyoum Mesfin:Foreign Minister:Seyoum;Birtukan Mideksa:opposition leader:Birtukan|the EPRDF;the African Union;the ONLF|Ogaden;Addis Ababa;the Eritrean border|ER;SO;SU|pol3;hr3;mil2;terror2
SO|Somalia|Somali|Nairobi||Sharif Sheikh Ahmed:President:Sharif;Abdullahi Yusuf:President:Yusuf;Nur Hassan Hussein:Prime Minister:Nur Adde|the TFG;al-Shabaab;AMISOM;the Council of Islamic Courts|Mogadishu;Puntland;Somaliland|ET;KE;YM|terror4;pol3;mil2
CO|Colombia|Colombian|Bogota||Alvaro Uribe:President;Juan Manuel Santos:Defense Minister;Jaime Bermudez:Foreign Minister;Piedad Cordoba:Senator|the FARC;the ELN;the AUC;Plan Colombia;the Colombian Army;the Fiscalia|Bogota;Medellin;Cali;Putumayo|VE;EC;PM|narc5;pol3;hr3;mil3;econ2
AR|Argentina|Argentine|Buenos Aires||Cristina Fernandez de Kirchner:President:Kirchner;Nestor Kirchner:President:Kirchner;Jorge Taiana:Foreign Minister:Taiana|the Peronist party;Congress;YPF|Buenos Aires;the Falkland Islands;Cordoba|BR;CI;UY;BL|pol3;econ4;energy2;hr1;dispute1
BL|Bolivia|Bolivian|La Paz||Evo Morales:President;Alvaro Garcia Linera:Vice President;David Choquehuanca:Foreign Minister|the MAS;YPFB;the Constituent Assembly|Santa Cruz;the Chapare;Cochabamba|VE;BR;PE|pol4;narc3;energy3;hr1
EC|Ecuador|Ecuadorian|Quito|Guayaquil|Rafael Correa:President;Fander Falconi:Foreign Minister|PetroEcuador;the Constituent Assembly;Alianza PAIS|Manta;Guayaquil;the northern border|CO;PE|pol3;energy2;narc2;econ2
PE|Peru|Peruvian|Lima||Alan Garcia:President;Jose Antonio Garcia Belaunde:Foreign Minister;Ollanta Humala:opposition leader|APRA;Shining Path;Congress|the VRAE;Cusco;the Andes|BL;EC;CI|pol3;narc3;econ3;terror1
CI|Chile|Chilean|Santiago||Michelle Bachelet:President;Alejandro Foxley:Foreign Minister;Sebastian Pinera:presidential candidate|Codelco;the Concertacion;Congress|Valparaiso;Santiago|PE;AR;BL|pol3;econ3;energy2
CU|Cuba|Cuban|Havana||Fidel Castro:President;Raul Castro:President:Raul;Felipe Perez Roque:Foreign Minister:Perez Roque|the Communist Party;the Ladies in White;the MININT|Havana;Guantanamo|VE;US|pol3;hr4;visa2
HA|Haiti|Haitian|Port Au Prince||Rene Preval:President;Michele Pierre-Louis:Prime Minister;Jean-Bertrand Aristide:former President:Aristide|MINUSTAH;the Haitian National Police;Lavalas|Port-au-Prince;Cite Soleil;Gonaives|DR|pol3;hr2;narc2;econ2
ID|Indonesia|Indonesian|Jakarta|Surabaya;Medan|Susilo Bambang Yudhoyono:President:Yudhoyono;Hassan Wirajuda:Foreign Minister:Wirajuda;Jusuf Kalla:Vice President:Kalla|the DPR;Jemaah Islamiyah;the TNI;the KPK;Golkar|Aceh;Papua;Bali;Sulawesi|MY;AS;SN|pol3;terror3;corr2;hr2;econ2;env1
RP|Philippines|Philippine|Manila||Gloria Macapagal-Arroyo:President:Arroyo;Alberto Romulo:Foreign Secretary:Romulo;Gilberto Teodoro:Defense Secretary:Teodoro|the AFP;the MILF;Abu Sayyaf;the New People's Army|Mindanao;Sulu;Manila|ID;MY;CH|pol3;terror3;hr2;mil2
TH|Thailand|Thai|Bangkok|Chiang Mai|Thaksin Shinawatra:former Prime Minister:Thaksin;Abhisit Vejjajiva:Prime Minister:Abhisit;Samak Sundaravej:Prime Minister:Samak;Kasit Piromya:Foreign Minister:Kasit|the PAD;the UDD;the Royal Thai Army;the Democrat Party|southern Thailand;Bangkok;Chiang Mai;Preah Vihear|BM;CB;LA;MY|pol5;hr2;dispute2;narc1
VM|Vietnam|Vietnamese|Hanoi|Ho Chi Minh City|Nguyen Tan Dung:Prime Minister:Dung;Pham Gia Khiem:Foreign Minister:Khiem;Nguyen Minh Triet:President:Triet|the Communist Party of Vietnam;the MPS;the National Assembly;Petrovietnam|Ho Chi Minh City;the Central Highlands;the Spratly Islands;the Paracel Islands|CH;CB;LA|pol3;econ3;hr3;dispute2
BM|Burma|Burmese|Rangoon||Than Shwe:Senior General;Aung San Suu Kyi:NLD leader:Suu Kyi;Thein Sein:Prime Minister;Nyan Win:Foreign Minister|the SPDC;the NLD;the USDA;the Burmese Army|Rangoon;Naypyitaw;the Irrawaddy Delta;Kachin State|TH;CH;IN|pol4;hr4;econ1
KZ|Kazakhstan|Kazakhstani|Astana|Almaty|Nursultan Nazarbayev:President;Marat Tazhin:Foreign Minister;Karim Massimov:Prime Minister;Rakhat Aliyev:former son-in-law|Nur Otan;KazMunaiGas;the Mazhilis|Astana;Almaty;Kashagan;Tengiz|RS;CH;UZ|pol3;energy5;econ2;hr2;corr2
UZ|Uzbekistan|Uzbek|Tashkent||Islam Karimov:President;Vladimir Norov:Foreign Minister|the SNB;the Oliy Majlis|Andijon;the Ferghana Valley;Termez|AF;KZ;TI|pol3;hr4;mil2;energy1
AJ|Azerbaijan|Azerbaijani|Baku||Ilham Aliyev:President;Elmar Mammadyarov:Foreign Minister;Ramiz Mehdiyev:Presidential Administration head|SOCAR;the Milli Majlis;the YAP|Nagorno-Karabakh;Baku;the Caspian|AM;GG;IR;RS;TU|energy5;pol3;dispute3;hr2;corr2
AM|Armenia|Armenian|Yerevan||Serzh Sargsian:President;Robert Kocharian:President;Edward Nalbandian:Foreign Minister;Levon Ter-Petrossian:opposition leader|the Republican Party;the ARF|Nagorno-Karabakh;Yerevan|AJ;TU;GG|pol3;dispute3;hr2
BO|Belarus|Belarusian|Minsk||Aleksandr Lukashenko:President;Sergey Martynov:Foreign Minister;Aleksandr Milinkevich:opposition leader|the KGB;Belneftekhim;the Central Election Commission|Minsk;Grodno|RS;PL;UP|pol3;hr4;energy2
GR|Greece|Greek|Athens|Thessaloniki|Kostas Karamanlis:Prime Minister;George Papandreou:Prime Minister;Dora Bakoyannis:Foreign Minister|New Democracy;PASOK;the Hellenic Police|Thessaloniki;the Aegean|TU;CY;MK|pol3;econ3;dispute3;terror1
CY|Cyprus|Cypriot|Nicosia||Demetris Christofias:President;Tassos Papadopoulos:President;Mehmet Ali Talat:Turkish Cypriot leader:Talat|AKEL;DISY;UNFICYP|the north;Famagusta;the buffer zone|TU;GR|pol3;dispute4
NL|Netherlands|Dutch|The Hague|Amsterdam;Curacao|Jan Peter Balkenende:Prime Minister;Maxime Verhagen:Foreign Minister|the CDA;the PvdA;Shell|Amsterdam;Uruzgan|GM;BE|pol3;mil2;econ2;terror1
BE|Belgium|Belgian|Brussels||Yves Leterme:Prime Minister;Karel De Gucht:Foreign Minister:De Gucht|the CD&V;Fortis|Flanders;Wallonia|NL;FR|pol3;econ2
SW|Sweden|Swedish|Stockholm||Fredrik Reinfeldt:Prime Minister;Carl Bildt:Foreign Minister|the Moderate Party;Ericsson|Stockholm;the Baltic|NO;FI;RS|pol3;econ2;env2
NO|Norway|Norwegian|Oslo||Jens Stoltenberg:Prime Minister;Jonas Gahr Store:Foreign Minister|StatoilHydro;the Storting|the High North;Svalbard|RS;SW|pol2;energy3;env2
DA|Denmark|Danish|Copenhagen||Anders Fogh Rasmussen:Prime Minister;Per Stig Moeller:Foreign Minister|the Folketing;Maersk|Greenland;Copenhagen|SW;GM|pol2;env3;mil1
AU|Austria|Austrian|Vienna||Alfred Gusenbauer:Chancellor;Werner Faymann:Chancellor;Ursula Plassnik:Foreign Minister|OMV;the SPOe;the OeVP|Vienna;Carinthia|GM;HU|pol2;energy3;econ2
SZ|Switzerland|Swiss|Bern|Geneva|Micheline Calmy-Rey:Foreign Minister;Pascal Couchepin:President|UBS;the Federal Council|Geneva;Zurich|FR;GM|pol2;econ3
HU|Hungary|Hungarian|Budapest||Ferenc Gyurcsany:Prime Minister;Viktor Orban:Fidesz leader;Kinga Goncz:Foreign Minister|MOL;Fidesz;the MSZP|Budapest|AU;RO;SR|pol3;energy2;econ2
EZ|Czech Republic|Czech|Prague||Mirek Topolanek:Prime Minister;Vaclav Klaus:President;Karel Schwarzenberg:Foreign Minister|the ODS;the CSSD;CEZ|Prague;Brdy|GM;PL|pol3;mil2;energy2
RO|Romania|Romanian|Bucharest||Traian Basescu:President;Calin Popescu-Tariceanu:Prime Minister;Emil Boc:Prime Minister|the PD-L;the PSD;the DNA|Bucharest;the Black Sea|MD;UP;HU|pol3;corr3;mil1
BU|Bulgaria|Bulgarian|Sofia||Georgi Parvanov:President;Sergei Stanishev:Prime Minister;Boyko Borisov:Prime Minister|GERB;the BSP;Bulgargaz|Sofia;Burgas|RS;RO;GR|pol3;corr3;energy2
SR|Serbia|Serbian|Belgrade||Boris Tadic:President;Vojislav Kostunica:Prime Minister;Vuk Jeremic:Foreign Minister|the DS;the SRS;NIS|Belgrade;Novi Sad|KV;BK;HR|pol4;dispute3
KV|Kosovo|Kosovar|Pristina||Hashim Thaci:Prime Minister;Fatmir Sejdiu:President|the PDK;EULEX;UNMIK|Mitrovica;Pristina|SR;AL;MK|pol4;dispute3
BK|Bosnia and Herzegovina|Bosnian|Sarajevo||Milorad Dodik:Republika Srpska Prime Minister:Dodik;Haris Silajdzic:Presidency member;Sven Alkalaj:Foreign Minister|the OHR;the SNSD;EUFOR|Republika Srpska;Mostar;Sarajevo|SR;HR|pol4;corr2
HR|Croatia|Croatian|Zagreb||Ivo Sanader:Prime Minister;Stjepan Mesic:President;Gordan Jandrokovic:Foreign Minister|the HDZ;the SDP|Zagreb;Dubrovnik|SR;BK;SI|pol3;corr2
MO|Morocco|Moroccan|Rabat|Casablanca|King Mohammed VI:King:Mohammed VI;Taieb Fassi Fihri:Foreign Minister:Fassi Fihri;Abbas El Fassi:Prime Minister:El Fassi|the Makhzen;the PJD;the Polisario|Western Sahara;Casablanca;Laayoune|AG;SP|pol3;dispute3;terror2;hr2
AG|Algeria|Algerian|Algiers||Abdelaziz Bouteflika:President;Mourad Medelci:Foreign Minister;Ahmed Ouyahia:Prime Minister|Sonatrach;the DRS;AQIM;the FLN|Kabylie;the Sahel|MO;LY;TS|pol3;energy3;terror3
TS|Tunisia|Tunisian|Tunis||Zine el-Abidine Ben Ali:President:Ben Ali;Abdelwahab Abdallah:Foreign Minister;Leila Trabelsi:First Lady:Trabelsi|the RCD;the UGTT;the Trabelsi family|Tunis;Sfax;Gafsa|LY;AG|pol3;hr3;corr3
MU|Oman|Omani|Muscat||Sultan Qaboos:Sultan:Qaboos;Yusuf bin Alawi:Minister Responsible for Foreign Affairs:bin Alawi|the Majlis Ash'Shura;PDO|Muscat;the Strait of Hormuz|IR;YM;AE|pol2;mil2;energy2
BA|Bahrain|Bahraini|Manama||King Hamad bin Isa al-Khalifa:King:Hamad;Shaykh Khalid bin Ahmed:Foreign Minister:Khalid;Crown Prince Salman:Crown Prince:Salman|Al Wifaq;the Council of Representatives|Manama|SA;IR|pol3;hr2;mil2
TW|Taiwan|Taiwan|Taipei||Ma Ying-jeou:President:Ma;Chen Shui-bian:President:Chen;Frank Hsieh:DPP candidate:Hsieh|the KMT;the DPP;the Legislative Yuan|Kinmen;Taipei|CH;JA|pol4;mil3;econ2;dispute2
CE|Sri Lanka|Sri Lankan|Colombo||Mahinda Rajapaksa:President:Rajapaksa;Rohitha Bogollagama:Foreign Minister:Bogollagama;Sarath Fonseka:General:Fonseka|the LTTE;the SLFP;the Sri Lanka Army|Jaffna;Kilinochchi;the Vanni;Colombo|IN|pol3;hr4;mil3;terror2
BG|Bangladesh|Bangladeshi|Dhaka||Sheikh Hasina:Prime Minister:Hasina;Khaleda Zia:BNP leader:Zia;Fakhruddin Ahmed:Chief Adviser:Fakhruddin|the Awami League;the BNP;the RAB;Jamaat-e-Islami|Dhaka;Chittagong|IN;BM|pol4;hr2;terror2;corr2
NP|Nepal|Nepali|Kathmandu||Pushpa Kamal Dahal:Prime Minister:Prachanda;Girija Prasad Koirala:Prime Minister:Koirala;Madhav Kumar Nepal:Prime Minister:Nepal|the Maoists;the Nepali Congress;UNMIN|the Terai;Kathmandu|IN;CH|pol4;hr2
SN|Singapore|Singaporean|Singapore||Lee Hsien Loong:Prime Minister:Lee;Lee Kuan Yew:Minister Mentor:Lee Kuan Yew;George Yeo:Foreign Minister:Yeo|the PAP;Temasek;the MFA|the Strait of Malacca|MY;ID;CH|pol2;econ3;mil2
MY|Malaysia|Malaysian|Kuala Lumpur||Abdullah Badawi:Prime Minister:Abdullah;Najib Razak:Prime Minister:Najib;Anwar Ibrahim:opposition leader:Anwar|UMNO;PAS;Petronas|Sabah;Penang;Kuala Lumpur|SN;ID;TH|pol3;econ2;terror1
NZ|New Zealand|New Zealand|Wellington|Auckland|Helen Clark:Prime Minister;John Key:Prime Minister;Winston Peters:Foreign Minister|the Labour Party;the National Party|Auckland;the South Pacific|AS|pol2;econ2;env2
KN|North Korea|North Korean|Seoul||Kim Jong-il:leader:Kim;Kim Kye-gwan:Vice Foreign Minister:Kim Kye-gwan|the Korean Workers' Party;the KPA|Yongbyon;Pyongyang;Kaesong|KS;CH;JA|nuclear5;pol2;mil2
PM|Panama|Panamanian|Panama||Martin Torrijos:President:Torrijos;Ricardo Martinelli:President:Martinelli|the PRD;the Panama Canal Authority|Colon;Darien|CO;CS|pol2;narc3;econ2
GT|Guatemala|Guatemalan|Guatemala||Alvaro Colom:President:Colom;Oscar Berger:President:Berger|CICIG;the Public Ministry;the PNC|Peten;Guatemala City|MX;HO;ES|narc3;pol3;corr3;hr2
HO|Honduras|Honduran|Tegucigalpa||Manuel Zelaya:President:Zelaya;Roberto Micheletti:de facto leader:Micheletti;Porfirio Lobo:President:Lobo|the Liberal Party;the National Party;the Honduran Armed Forces|San Pedro Sula;Tegucigalpa|GT;NU;ES|pol4;narc2;hr2
NU|Nicaragua|Nicaraguan|Managua||Daniel Ortega:President:Ortega;Eduardo Montealegre:opposition leader:Montealegre;Arnoldo Aleman:former President:Aleman|the FSLN;the PLC;the CSE|Managua;the Atlantic Coast|HO;CS;VE|pol4;hr2;corr2
DR|Dominican Republic|Dominican|Santo Domingo||Leonel Fernandez:President:Fernandez|the PLD;the PRD|Santo Domingo|HA|pol2;narc3;visa3
JM|Jamaica|Jamaican|Kingston||Bruce Golding:Prime Minister:Golding;Portia Simpson-Miller:Prime Minister|the JLP;the PNP|Kingston;Tivoli Gardens|HA|narc3;pol2;corr2
UY|Uruguay|Uruguayan|Montevideo||Tabare Vazquez:President:Vazquez;Jose Mujica:President:Mujica|the Frente Amplio|Montevideo|AR;BR|pol2;econ3
PA|Paraguay|Paraguayan|Asuncion||Fernando Lugo:President:Lugo;Nicanor Duarte:President:Duarte|the Colorado Party|Ciudad del Este;the Triple Frontier|BR;AR;BL|pol3;narc2;corr2
ES|El Salvador|Salvadoran|San Salvador||Antonio Saca:President:Saca;Mauricio Funes:President:Funes|ARENA;the FMLN|San Salvador|GT;HO|pol3;narc2;hr1
CS|Costa Rica|Costa Rican|San Jose||Oscar Arias:President:Arias;Bruno Stagno:Foreign Minister:Stagno|the PLN|San Jose|NU;PM|pol2;econ3;narc2
TI|Tajikistan|Tajik|Dushanbe||Emomali Rahmon:President:Rahmon;Hamrokhon Zarifi:Foreign Minister:Zarifi|Talco;the PDP|the Afghan border;Dushanbe|AF;UZ;KG|pol3;narc3;energy2
KG|Kyrgyzstan|Kyrgyz|Bishkek||Kurmanbek Bakiyev:President:Bakiyev;Roza Otunbayeva:opposition leader:Otunbayeva|the Manas Transit Center;Ak Zhol|Manas;Osh;Bishkek|KZ;UZ;TI;CH|pol3;mil3;corr2
TX|Turkmenistan|Turkmen|Ashgabat||Gurbanguly Berdimuhamedov:President:Berdimuhamedov;Rashid Meredov:Foreign Minister:Meredov|Turkmengaz;the Mejlis|Ashgabat;the Caspian|IR;AF;UZ|energy5;pol2;hr2
MD|Moldova|Moldovan|Chisinau||Vladimir Voronin:President:Voronin;Vlad Filat:Prime Minister:Filat|the PCRM;the Liberal Democratic Party|Transnistria;Chisinau|RO;UP;RS|pol3;dispute3
EN|Estonia|Estonian|Tallinn||Andrus Ansip:Prime Minister:Ansip;Urmas Paet:Foreign Minister:Paet|the Reform Party|Tallinn;Narva|RS;LG;FI|pol2;mil2
LG|Latvia|Latvian|Riga||Valdis Zatlers:President:Zatlers;Maris Riekstins:Foreign Minister:Riekstins|the Saeima;Parex Bank|Riga|RS;EN;LH|pol2;econ2
LH|Lithuania|Lithuanian|Vilnius||Valdas Adamkus:President:Adamkus;Dalia Grybauskaite:President:Grybauskaite|the Seimas;Ignalina|Vilnius;Kaliningrad|RS;PL;LG|pol2;energy3
FI|Finland|Finnish|Helsinki||Matti Vanhanen:Prime Minister:Vanhanen;Alexander Stubb:Foreign Minister:Stubb|Nokia;the Eduskunta|Helsinki|RS;SW|pol2;econ2
IC|Iceland|Icelandic|Reykjavik||Geir Haarde:Prime Minister:Haarde;Johanna Sigurdardottir:Prime Minister:Sigurdardottir|Landsbanki;Kaupthing;the Althing|Reykjavik;Keflavik|NO;UK|econ3;pol2
EI|Ireland|Irish|Dublin||Bertie Ahern:Taoiseach:Ahern;Brian Cowen:Taoiseach:Cowen;Micheal Martin:Foreign Minister:Martin|Fianna Fail;Shannon Airport|Dublin;Shannon|UK|pol2;econ2
PO|Portugal|Portuguese|Lisbon|Ponta Delgada|Jose Socrates:Prime Minister:Socrates;Luis Amado:Foreign Minister:Amado|the PS;the PSD|the Azores;Lisbon|SP|pol2;econ2
MK|Macedonia|Macedonian|Skopje||Nikola Gruevski:Prime Minister:Gruevski;Antonio Milososki:Foreign Minister:Milososki|VMRO-DPMNE;the DUI|Skopje;Tetovo|GR;KV;AL|pol3;dispute3
AL|Albania|Albanian|Tirana||Sali Berisha:Prime Minister:Berisha;Lulzim Basha:Foreign Minister:Basha|the Democratic Party;the Socialist Party|Tirana;Durres|KV;MK;GR|pol3;corr3
SI|Slovenia|Slovenian|Ljubljana||Janez Jansa:Prime Minister:Jansa;Borut Pahor:Prime Minister:Pahor;Dimitrij Rupel:Foreign Minister:Rupel|the SDS|Ljubljana;Piran Bay|HR;AU;IT|pol2;dispute2
LO|Slovakia|Slovak|Bratislava||Robert Fico:Prime Minister:Fico;Jan Kubis:Foreign Minister:Kubis|Smer;the SDKU|Bratislava|HU;EZ|pol2;energy2
CM|Cameroon|Cameroonian|Yaounde||Paul Biya:President:Biya|the CPDM;SONARA|Douala;Bakassi|NI;CD|pol2;corr3
GH|Ghana|Ghanaian|Accra||John Kufuor:President:Kufuor;John Atta Mills:President:Atta Mills|the NPP;the NDC|Accra;Kumasi|TO;IV|pol3;narc2;econ2
IV|Cote d'Ivoire|Ivoirian|Abidjan||Laurent Gbagbo:President:Gbagbo;Guillaume Soro:Prime Minister:Soro;Alassane Ouattara:opposition leader:Ouattara|the FPI;the Forces Nouvelles;UNOCI|Abidjan;Bouake|GH;LI|pol4;hr2
SG|Senegal|Senegalese|Dakar||Abdoulaye Wade:President:Wade;Cheikh Tidiane Gadio:Foreign Minister:Gadio;Karim Wade:Minister:Karim Wade|the PDS;the Socialist Party|Casamance;Dakar|MA;GA|pol3;econ1;narc1
ML|Mali|Malian|Bamako||Amadou Toumani Toure:President:ATT|AQIM;the Tuareg rebels|Kidal;Timbuktu|AG;NG;MR|terror3;pol2
MR|Mauritania|Mauritanian|Nouakchott||Mohamed Ould Abdel Aziz:General:Abdel Aziz;Sidi Ould Cheikh Abdallahi:President:Abdallahi|the High State Council;AQIM|Nouakchott|SG;ML;MO|pol3;terror2
NG|Niger|Nigerien|Niamey||Mamadou Tandja:President:Tandja|the MNJ;Areva|Agadez;the Air Mountains|NI;ML|pol3;energy2
CD|Chad|Chadian|N'Djamena||Idriss Deby:President:Deby|the Chadian National Army;the rebel coalition;EUFOR|Abeche;eastern Chad|SU;CT|pol3;hr2;mil2
CG|Democratic Republic of the Congo|Congolese|Kinshasa||Joseph Kabila:President:Kabila;Laurent Nkunda:CNDP leader:Nkunda;Jean-Pierre Bemba:opposition leader:Bemba|MONUC;the CNDP;the FARDC;the FDLR|North Kivu;South Kivu;Goma;Kinshasa|RW;UG;AO|pol4;hr4;mil2
RW|Rwanda|Rwandan|Kigali||Paul Kagame:President:Kagame;Rosemary Museminali:Foreign Minister:Museminali|the RPF;the ICTR|Kigali;Gisenyi|CG;UG;BY|pol3;hr2
UG|Uganda|Ugandan|Kampala||Yoweri Museveni:President:Museveni;Sam Kutesa:Foreign Minister:Kutesa|the NRM;the Lord's Resistance Army;the UPDF|northern Uganda;Gulu;Kampala|CG;SU;KE|pol3;hr3;mil2
TZ|Tanzania|Tanzanian|Dar Es Salaam||Jakaya Kikwete:President:Kikwete;Bernard Membe:Foreign Minister:Membe|CCM;the PCCB|Zanzibar;Dar es Salaam|KE;UG|pol3;corr2
MZ|Mozambique|Mozambican|Maputo||Armando Guebuza:President:Guebuza;Afonso Dhlakama:RENAMO leader:Dhlakama|FRELIMO;RENAMO|Maputo;Beira|SF;ZI|pol2;narc2
AO|Angola|Angolan|Luanda||Jose Eduardo dos Santos:President:dos Santos|the MPLA;Sonangol;UNITA|Cabinda;Luanda|CG;NA|energy4;pol2;corr2
ZA|Zambia|Zambian|Lusaka||Levy Mwanawasa:President:Mwanawasa;Rupiah Banda:President:Banda;Michael Sata:opposition leader:Sata|the MMD;the Patriotic Front|the Copperbelt;Lusaka|ZI;CG|pol3;econ2;corr2
BC|Botswana|Botswana|Gaborone||Ian Khama:President:Khama;Festus Mogae:President:Mogae|the BDP;Debswana|Gaborone|SF;ZI|pol2;econ2
NA|Namibia|Namibian|Windhoek||Hifikepunye Pohamba:President:Pohamba;Sam Nujoma:former President:Nujoma|SWAPO|Windhoek;the Caprivi Strip|AO;SF|pol2;econ2
LI|Liberia|Liberian|Monrovia||Ellen Johnson Sirleaf:President:Johnson Sirleaf;Charles Taylor:former President:Taylor|UNMIL;the Unity Party|Monrovia|SL;IV|pol3;corr2;hr2
SL|Sierra Leone|Sierra Leonean|Freetown||Ernest Bai Koroma:President:Koroma|the APC;the SLPP;the Special Court|Freetown|LI;GV|pol2;narc2;corr2
GV|Guinea|Guinean|Conakry||Lansana Conte:President:Conte;Moussa Dadis Camara:junta leader:Dadis Camara|the CNDD;the Forces Vives|Conakry|SL;LI|pol3;hr3;narc2
ER|Eritrea|Eritrean|Asmara||Isaias Afwerki:President:Isaias;Osman Saleh:Foreign Minister:Osman Saleh|the PFDJ|Asmara;Badme;Assab|ET;SU;DJ|pol3;dispute3;hr2
DJ|Djibouti|Djiboutian|Djibouti||Ismail Omar Guelleh:President:Guelleh|Camp Lemonnier;the RPP|Djibouti;Ras Doumeira|ER;SO;ET|mil3;pol2
MA|Madagascar|Malagasy|Antananarivo||Marc Ravalomanana:President:Ravalomanana;Andry Rajoelina:transition leader:Rajoelina|TIM;the HAT|Antananarivo|MP|pol3;econ1
CB|Cambodia|Cambodian|Phnom Penh||Hun Sen:Prime Minister:Hun Sen;Hor Namhong:Foreign Minister:Hor Namhong;Sam Rainsy:opposition leader:Sam Rainsy|the CPP;the Khmer Rouge Tribunal|Preah Vihear;Phnom Penh|TH;VM;LA|pol3;hr2;corr2;dispute2
LA|Laos|Lao|Vientiane||Bouasone Bouphavanh:Prime Minister:Bouasone;Thongloun Sisoulith:Foreign Minister:Thongloun|the LPRP|Vientiane;the Mekong|TH;VM;CH|pol2;narc1
MG|Mongolia|Mongolian|Ulaanbaatar||Nambaryn Enkhbayar:President:Enkhbayar;Tsakhiagiin Elbegdorj:President:Elbegdorj|the MPRP;Oyu Tolgoi|Ulaanbaatar|CH;RS|pol2;energy2;econ2
EK|Equatorial Guinea|Equatoguinean|Malabo||Teodoro Obiang:President:Obiang|the PDGE|Malabo;Bata|CM;GB|energy3;corr3;hr1
GB|Gabon|Gabonese|Libreville||Omar Bongo:President:Bongo;Ali Bongo:Defense Minister:Ali Bongo|the PDG|Libreville|EK;CM|pol2;energy2
BN|Benin|Beninese|Cotonou||Boni Yayi:President:Yayi|the FCBE|Cotonou;the port of Cotonou|NI;TO|pol2;econ2
TO|Togo|Togolese|Lome||Faure Gnassingbe:President:Gnassingbe;Gilchrist Olympio:UFC leader:Olympio|the RPT;the UFC|Lome|GH;BN|pol2
UV|Burkina Faso|Burkinabe|Ouagadougou||Blaise Compaore:President:Compaore;Djibrill Bassole:Foreign Minister:Bassole|the CDP|Ouagadougou|ML;IV;NG|pol2
MI|Malawi|Malawian|Lilongwe||Bingu wa Mutharika:President:Mutharika;Bakili Muluzi:former President:Muluzi|the DPP;the UDF|Lilongwe;Blantyre|ZA;MZ;TZ|pol2;econ1
WZ|Swaziland|Swazi|Mbabane||King Mswati III:King:Mswati|PUDEMO|Mbabane|SF;MZ|pol2;hr2
LT|Lesotho|Basotho|Maseru||Pakalitha Mosisili:Prime Minister:Mosisili|the LCD|Maseru|SF|pol2
BY|Burundi|Burundian|Bujumbura||Pierre Nkurunziza:President:Nkurunziza;Agathon Rwasa:FNL leader:Rwasa|the CNDD-FDD;the FNL|Bujumbura|RW;CG;TZ|pol3;hr2
CT|Central African Republic|Central African|Bangui||Francois Bozize:President:Bozize|the APRD;MINURCAT|Bangui;Birao|CD;SU|pol2;hr2
GY|Guyana|Guyanese|Georgetown||Bharrat Jagdeo:President:Jagdeo|the PPP/C;the PNC|Georgetown|VE;NS|pol2;narc2
NS|Suriname|Surinamese|Paramaribo||Ronald Venetiaan:President:Venetiaan;Desi Bouterse:NDP leader:Bouterse|the NDP|Paramaribo|GY|pol2;narc2
TD|Trinidad and Tobago|Trinidadian|Port Of Spain||Patrick Manning:Prime Minister:Manning|the PNM;Petrotrin|Port of Spain|VE|energy2;narc2;pol1
BB|Barbados|Barbadian|Bridgetown||David Thompson:Prime Minister:Thompson;Owen Arthur:Prime Minister:Arthur|CARICOM;the BLP|Bridgetown;the Eastern Caribbean|TD|pol2;narc1;econ1
BH|Belize|Belizean|Belize||Dean Barrow:Prime Minister:Barrow;Said Musa:Prime Minister:Musa|the UDP;the PUP|Belize City|GT;MX|pol2;narc2;dispute1
BF|Bahamas|Bahamian|Nassau||Hubert Ingraham:Prime Minister:Ingraham;Perry Christie:Prime Minister:Christie|the FNM;the PLP|Nassau|CU|narc2;visa2
PP|Papua New Guinea|Papua New Guinean|Port Moresby||Michael Somare:Prime Minister:Somare|the National Alliance|Bougainville;Port Moresby|AS;ID|pol2;energy1
FJ|Fiji|Fijian|Suva||Frank Bainimarama:Commodore:Bainimarama;Laisenia Qarase:former Prime Minister:Qarase|the RFMF|Suva|AS;NZ|pol3
TT|Timor-Leste|Timorese|Dili||Jose Ramos-Horta:President:Ramos-Horta;Xanana Gusmao:Prime Minister:Gusmao|Fretilin;UNMIT|Dili|ID;AS|pol2
BX|Brunei|Bruneian|Bandar Seri Begawan||Sultan Hassanal Bolkiah:Sultan:Bolkiah|Brunei Shell|Bandar Seri Begawan|MY|pol1;energy2
MV|Maldives|Maldivian|Colombo||Mohamed Nasheed:President:Nasheed;Maumoon Abdul Gayoom:President:Gayoom|the MDP;the DRP|Male|CE;IN|pol2;env2
MW|Montenegro|Montenegrin|Podgorica||Milo Djukanovic:Prime Minister:Djukanovic;Filip Vujanovic:President:Vujanovic|the DPS;KAP aluminum plant|Podgorica;Kotor|SR;AL;BK|pol2;corr2
LU|Luxembourg|Luxembourgish|Luxembourg||Jean-Claude Juncker:Prime Minister:Juncker;Jean Asselborn:Foreign Minister:Asselborn|ArcelorMittal;the Chamber of Deputies|Luxembourg City|BE;FR;GM|econ3;pol1
MT|Malta|Maltese|Valletta||Lawrence Gonzi:Prime Minister:Gonzi;Tonio Borg:Foreign Minister:Borg|the Nationalist Party;the Armed Forces of Malta|Valletta;Lampedusa|IT;LY|pol2;hr2
VT|Holy See|Vatican|Vatican||Pope Benedict XVI:Pope:Pope Benedict;Cardinal Tarcisio Bertone:Secretary of State:Bertone;Archbishop Dominique Mamberti:Foreign Minister:Mamberti|the Secretariat of State;the Vatican Bank;the Curia|Rome;the Holy Land|IT;IS|pol3;hr3
CF|Republic of the Congo|Congolese|Brazzaville||Denis Sassou Nguesso:President:Sassou Nguesso|the PCT;the SNPC|Pointe-Noire;Brazzaville|CG;GB|energy2;pol2;corr2
GA|The Gambia|Gambian|Banjul||Yahya Jammeh:President:Jammeh|the APRC;the NIA|Banjul|SG|pol2;hr3
PU|Guinea-Bissau|Bissau-Guinean|Bissau||Joao Bernardo Vieira:President:Vieira;Malam Bacai Sanha:President:Sanha|the PAIGC;the armed forces|Bissau;the Bijagos Islands|SG;GV|narc4;pol2
CV|Cape Verde|Cape Verdean|Praia||Pedro Pires:President:Pires;Jose Maria Neves:Prime Minister:Neves|the PAICV|Praia;Sal|SG|pol1;narc2;econ1
MP|Mauritius|Mauritian|Port Louis||Navin Ramgoolam:Prime Minister:Ramgoolam|the Labour Party|Port Louis;the Chagos Islands;Diego Garcia|IN;MA|pol2;dispute2;econ1
FM|Micronesia|Micronesian|Kolonia||Emanuel Mori:President:Mori|the FSM Congress|Pohnpei;Chuuk|RM;PS|pol1;econ1;env2
RM|Marshall Islands|Marshallese|Majuro||Litokwa Tomeing:President:Tomeing;Jurelang Zedkaia:President:Zedkaia|the Nitijela|Kwajalein;Majuro|FM|pol1;mil2;env2
PS|Palau|Palauan|Koror||Tommy Remengesau:President:Remengesau;Johnson Toribiong:President:Toribiong|the Olbiil Era Kelulau|Koror|FM|pol1;env2
"""


# Origins that are not an embassy or consulate of one country: name, refname (as REF lines
# and banners write it), FM line, routing code, country tag, signers by period.
MISSIONS = [
    ("Secretary of State", "STATE", "SECSTATE WASHDC", "RUEHC", None, "state"),
    ("Mission USUN New York", "USUN NEW YORK", "USMISSION USUN NEW YORK", "RUCNDT", "UNSC", "un"),
    ("USEU Brussels", "USEU BRUSSELS", "USEU BRUSSELS", "RUEHBS", "EUN", "eu"),
    ("Mission USNATO", "USNATO", "USMISSION USNATO", "RUEHNO", "NATO", "nato"),
    ("Mission Geneva", "GENEVA", "USMISSION GENEVA", "RUEHGV", "UNHRC", "geneva"),
    ("UNVIE", "UNVIE VIENNA", "USMISSION UNVIE VIENNA", "RUEHUNV", "IAEA", "unvie"),
    ("USOSCE", "USOSCE", "USMISSION USOSCE", "RUEHVEN", "OSCE", "osce"),
    ("Mission UNESCO", "UNESCO PARIS", "USMISSION UNESCO PARIS", "RUEHFR", "UNESCO", "unesco"),
    ("US Mission Rome", "UN ROME", "USMISSION UN ROME", "RUEHRN", "FAO", "unrome"),
    ("AIT Taipei", "AIT TAIPEI", "AIT TAIPEI", "RUEHIN", "TW", "ait"),
    ("USINT Havana", "HAVANA", "USINT HAVANA", "RUEHUB", "CU", "usint"),
    ("Consulate Hong Kong", "HONG KONG", "AMCONSUL HONG KONG", "RUEHHK", "HK", "hk"),
    ("US Office Almaty", "ALMATY", "AMCONSUL ALMATY", "RUEHTA", "KZ", "kz"),
    ("Consulate Jerusalem", "JERUSALEM", "AMCONSUL JERUSALEM", "RUEHJM", "IS", "jm"),
    ("US Office Pristina", "PRISTINA", "USOFFICE PRISTINA", "RUEHPS", "KV", "kv"),
]


# The top of the Zipf ranking of origins, by name; the rest follow the table's order.
TOP_ORIGINS = [
    "Embassy Ankara",
    "Embassy Baghdad",
    "Embassy Tokyo",
    "Secretary of State",
    "Embassy Kabul",
    "Embassy Beijing",
    "Embassy Moscow",
    "Embassy Islamabad",
    "Mission USUN New York",
    "Embassy Paris",
    "Embassy Brasilia",
    "Embassy Mexico",
    "Embassy Caracas",
    "Embassy Berlin",
    "Embassy Rome",
    "Embassy London",
    "USEU Brussels",
    "Embassy Tel Aviv",
    "Embassy Cairo",
    "Embassy Riyadh",
    "Embassy New Delhi",
    "Embassy Seoul",
    "Embassy Beirut",
    "Embassy Kyiv",
    "Mission USNATO",
    "Embassy Bogota",
    "Consulate Dubai",
    "UNVIE",
    "Embassy Tbilisi",
    "Embassy Madrid",
    "Consulate Istanbul",
    "Embassy Buenos Aires",
    "Consulate Sao Paulo",
    "Embassy Jakarta",
    "Embassy Bangkok",
    "Embassy Nairobi",
    "Mission Geneva",
    "Embassy Abuja",
    "Embassy Pretoria",
    "Embassy Harare",
]


# Ambassadors (and Secretaries) by the year they arrived, for signatures and Classified By.
SIGNERS = {
    "STATE": [
        (1961, "Dean Rusk"),
        (1969, "William P. Rogers"),
        (1973, "Henry A. Kissinger"),
        (1977, "Cyrus Vance"),
        (1980, "Edmund S. Muskie"),
        (1981, "Alexander M. Haig"),
        (1982, "George P. Shultz"),
        (1989, "James A. Baker"),
        (1993, "Warren Christopher"),
        (1997, "Madeleine K. Albright"),
        (2001, "Colin L. Powell"),
        (2005, "Condoleezza Rice"),
        (2009, "Hillary R. Clinton"),
    ],
    "MOSCOW": [
        (2001, "Alexander R. Vershbow"),
        (2005, "William J. Burns"),
        (2008, "John R. Beyrle"),
    ],
    "TOKYO": [(2001, "Howard H. Baker"), (2005, "J. Thomas Schieffer"), (2009, "John V. Roos")],
    "ANKARA": [(2003, "Eric S. Edelman"), (2005, "Ross Wilson"), (2008, "James F. Jeffrey")],
    "BAGHDAD": [
        (2004, "John D. Negroponte"),
        (2005, "Zalmay Khalilzad"),
        (2007, "Ryan C. Crocker"),
        (2009, "Christopher R. Hill"),
    ],
    "KABUL": [(2005, "Ronald E. Neumann"), (2007, "William B. Wood"), (2009, "Karl W. Eikenberry")],
    "ISLAMABAD": [(2004, "Ryan C. Crocker"), (2007, "Anne W. Patterson")],
    "BEIJING": [(2001, "Clark T. Randt"), (2009, "Jon M. Huntsman")],
    "PARIS": [(2005, "Craig R. Stapleton"), (2009, "Charles H. Rivkin")],
    "BERLIN": [(2005, "William R. Timken"), (2009, "Philip D. Murphy")],
    "ROME": [(2005, "Ronald P. Spogli"), (2009, "David H. Thorne")],
    "LONDON": [(2005, "Robert H. Tuttle"), (2009, "Louis B. Susman")],
    "BRASILIA": [(2006, "Clifford M. Sobel"), (2010, "Thomas A. Shannon")],
    "MEXICO": [(2002, "Antonio O. Garza"), (2009, "Carlos Pascual")],
    "CARACAS": [(2004, "William R. Brownfield"), (2007, "Patrick D. Duddy")],
    "USUNNEWYORK": [(2005, "John R. Bolton"), (2007, "Zalmay Khalilzad"), (2009, "Susan E. Rice")],
    "USNATO": [(2005, "Victoria Nuland"), (2008, "Kurt Volker"), (2009, "Ivo H. Daalder")],
    "USEUBRUSSELS": [
        (2006, "C. Boyden Gray"),
        (2008, "Kristen Silverberg"),
        (2010, "William E. Kennard"),
    ],
    "KYIV": [(2006, "William B. Taylor"), (2009, "John F. Tefft")],
    "TELAVIV": [(2005, "Richard H. Jones"), (2008, "James B. Cunningham")],
    "CAIRO": [(2005, "Francis J. Ricciardone"), (2008, "Margaret Scobey")],
    "RIYADH": [(2004, "James C. Oberwetter"), (2007, "Ford M. Fraker")],
    "NEWDELHI": [(2004, "David C. Mulford"), (2009, "Timothy J. Roemer")],
    "SEOUL": [(2005, "Alexander Vershbow"), (2008, "Kathleen Stephens")],
    "BEIRUT": [(2004, "Jeffrey D. Feltman"), (2008, "Michele J. Sison")],
    "BOGOTA": [(2003, "William B. Wood"), (2007, "William R. Brownfield")],
    "TBILISI": [(2005, "John F. Tefft"), (2009, "John R. Bass")],
}


FIRST_NAMES = [
    "James",
    "Robert",
    "Michael",
    "William",
    "David",
    "Richard",
    "Thomas",
    "Mark",
    "Daniel",
    "Paul",
    "Steven",
    "Andrew",
    "Kenneth",
    "Mary",
    "Patricia",
    "Linda",
    "Barbara",
    "Elizabeth",
    "Susan",
    "Margaret",
    "Karen",
    "Nancy",
    "Lisa",
    "Anne",
    "Katherine",
    "Peter",
    "Joseph",
    "Charles",
    "Christopher",
    "Douglas",
    "Gregory",
    "Stephen",
    "Alan",
    "Lawrence",
    "Janet",
    "Deborah",
    "Carol",
]


LAST_NAMES = [
    "Anderson",
    "Baker",
    "Carter",
    "Davis",
    "Ellis",
    "Fisher",
    "Grant",
    "Harris",
    "Irving",
    "Jackson",
    "Keller",
    "Lawson",
    "Morgan",
    "Nelson",
    "Owens",
    "Parker",
    "Quinn",
    "Reynolds",
    "Stewart",
    "Turner",
    "Underwood",
    "Vaughn",
    "Walker",
    "Young",
    "Bradley",
    "Coleman",
    "Dunn",
    "Fletcher",
    "Gordon",
    "Hayes",
    "Jennings",
    "Kramer",
    "Lambert",
    "Mitchell",
    "Norris",
    "Porter",
    "Russell",
    "Sullivan",
    "Thornton",
    "Wallace",
    "Whitman",
    "Brennan",
    "Caldwell",
    "Donovan",
    "Garrison",
    "Hollis",
    "McCarthy",
    "Pratt",
]


TOPIC_PHRASES = {
    "pol": [
        "the ruling coalition",
        "the opposition",
        "parliamentary elections",
        "the presidential election",
        "constitutional reform",
        "the cabinet reshuffle",
        "local elections",
        "the party congress",
        "the succession question",
        "political stability",
        "the no-confidence vote",
        "electoral reform",
    ],
    "energy": [
        "energy security",
        "the gas pipeline",
        "oil production",
        "gas supplies to Europe",
        "the new pipeline",
        "energy diversification",
        "liquefied natural gas",
        "oil exports",
        "the electricity shortage",
        "nuclear power",
        "the gas price dispute",
        "refinery capacity",
        "the Caspian pipeline",
    ],
    "econ": [
        "the free trade agreement",
        "foreign direct investment",
        "the financial crisis",
        "WTO accession",
        "the budget deficit",
        "inflation",
        "the banking sector",
        "intellectual property rights",
        "the stimulus package",
        "privatization",
        "the investment climate",
        "agricultural subsidies",
        "the exchange rate",
    ],
    "hr": [
        "human rights",
        "press freedom",
        "freedom of assembly",
        "religious freedom",
        "trafficking in persons",
        "the treatment of detainees",
        "civil society",
        "political prisoners",
        "freedom of expression",
        "minority rights",
        "the rule of law",
        "refugees",
    ],
    "terror": [
        "counterterrorism cooperation",
        "al-Qaida",
        "terrorist financing",
        "violent extremism",
        "the suicide bombing",
        "border security",
        "foreign fighters",
        "the terrorist threat",
        "kidnapping for ransom",
        "extremist recruitment",
    ],
    "mil": [
        "defense cooperation",
        "the status of forces agreement",
        "military assistance",
        "the troop contribution",
        "missile defense",
        "foreign military sales",
        "the joint exercise",
        "peacekeeping operations",
        "the defense budget",
        "the basing agreement",
        "military modernization",
    ],
    "nuclear": [
        "the nuclear program",
        "uranium enrichment",
        "UN Security Council sanctions",
        "the IAEA inspections",
        "nonproliferation",
        "the Additional Protocol",
        "the fuel swap proposal",
        "the Six-Party Talks",
        "ballistic missiles",
        "export controls",
        "the NPT Review Conference",
    ],
    "narc": [
        "counter-narcotics",
        "drug trafficking",
        "cocaine seizures",
        "poppy cultivation",
        "money laundering",
        "extradition",
        "the drug cartels",
        "eradication",
        "organized crime",
        "precursor chemicals",
    ],
    "corr": [
        "corruption",
        "anti-corruption efforts",
        "judicial reform",
        "the rule of law",
        "procurement fraud",
        "the prosecutor's investigation",
        "bribery",
        "transparency",
        "organized crime",
        "asset declarations",
    ],
    "visa": [
        "the visa waiver program",
        "visa fraud",
        "consular access",
        "the Visa Waiver Program",
        "student visas",
        "passport security",
        "adoption cases",
        "American citizen services",
        "biometric passports",
        "immigration",
    ],
    "dispute": [
        "the territorial dispute",
        "the disputed islands",
        "the border dispute",
        "maritime boundaries",
        "the frozen conflict",
        "the islands dispute",
        "fishing rights",
        "the demarcation talks",
        "sovereignty claims",
    ],
    "visit": [
        "the upcoming visit",
        "the bilateral agenda",
        "the strategic dialogue",
        "the Secretary's visit",
        "the codel",
        "the summit",
        "the state visit",
        "the ministerial meeting",
    ],
    "env": [
        "climate change",
        "the Copenhagen conference",
        "avian influenza",
        "greenhouse gas emissions",
        "deforestation",
        "water scarcity",
        "food security",
        "renewable energy",
        "the drought",
        "H1N1",
    ],
}


TEMPLATES = {
    "common": [
        "{leader} told the Ambassador that {phrase} remained a top priority for {country}.",
        "In a {month} meeting with {us}, {official} said {phrase} would dominate the agenda.",
        "{source} told us that {leader} was unlikely to change course on {phrase}.",
        "{official} argued that {country} could not afford to ignore {phrase}.",
        "According to {source}, {inst} has quietly shifted its position on {phrase}.",
        "{person} predicted that {phrase} would come up again before the end of the year.",
        "Contacts in {place} describe {phrase} as the issue most likely to test {leader}.",
        "The {adj} press has devoted extensive coverage to {phrase} in recent weeks.",
        "{official} complained that Western governments misunderstood {country}'s approach to {phrase}.",
        "Post will continue to follow {phrase} closely and report further developments.",
        "{person} cautioned that {inst} remains divided over {phrase}.",
        "Privately, {source} conceded that progress on {phrase} had been slower than expected.",
        "{official} asked for continued U.S. support on {phrase}.",
        "We expect {leader} to raise {phrase} with {intl} counterparts.",
        "The Ambassador urged {official} to take concrete steps on {phrase}.",
        "{source} said that {inst} would not make a decision on {phrase} before {month}.",
        "{leader} has staked considerable political capital on {phrase}.",
        "Public opinion polls show that {pct} percent of {adj} respondents consider {phrase} a serious problem.",
        "{official} acknowledged that {inst} and {inst2} disagree over {phrase}.",
        "{nadj} officials have followed the debate over {phrase} in {country} with interest.",
    ],
    "pol": [
        "{leader} faces growing pressure from {inst} ahead of {phrase}.",
        "{person} told PolOff that the coalition was unlikely to survive until the next elections.",
        "The opposition accuses {leader} of using {inst} to consolidate power.",
        "{official} said the government would press ahead with constitutional reform despite criticism.",
        "Turnout in {place} was lower than expected, which {source} attributed to voter apathy.",
        "{person} described relations between {leader} and {official} as tense but workable.",
        "The ruling party's margin in parliament leaves little room for defections.",
        "{source} claimed that {leader} had already decided on a successor.",
        "Regional leaders in {place} have grown increasingly assertive toward the center.",
        "The cabinet reshuffle strengthened the hand of {official} at the expense of the reformers.",
        "{official} dismissed talk of early elections as opposition wishful thinking.",
        "Relations between {country} and {neighbour} remain a sensitive issue in domestic politics.",
    ],
    "energy": [
        "{inst} plans to expand oil production in {place} by {pct} percent over the next five years.",
        "{official} said the new gas pipeline would improve energy security for Europe.",
        "The gas price dispute with {neighbour} has raised fresh doubts about {country}'s reliability as a supplier.",
        "{source} told EconOff that {inst} was short of the investment needed to develop new fields.",
        "Oil revenues account for roughly {pct} percent of the state budget.",
        "{official} insisted that energy security was a matter for producers and consumers alike.",
        "Foreign oil companies complain that the tax regime discourages investment in {place}.",
        "{leader} announced a {amount} program to modernize the electricity grid.",
        "Europe's dependence on a single gas pipeline worries {nadj} officials.",
        "The oil and gas sector remains the engine of {adj} growth.",
        "{inst} signed a memorandum with {neighbour} on a gas pipeline that would bypass existing routes.",
        "{official} said transit fees were the main obstacle to a deal with {neighbour}.",
    ],
    "econ": [
        "The free trade agreement with the United States remains stalled in {inst}.",
        "{official} said the government expected growth of {pct} percent this year.",
        "Foreign investors cite corruption and red tape as the main obstacles to doing business in {country}.",
        "{inst} cut interest rates for the third time since the financial crisis began.",
        "The budget deficit is projected to reach {pct} percent of GDP.",
        "{official} told EconCouns that WTO accession would require painful reforms.",
        "{adj} exports to the United States grew to {amount} last year.",
        "{source} warned that the banking sector was more exposed than official figures suggest.",
        "The government approved a {amount} stimulus package in {month}.",
        "U.S. firms continue to raise intellectual property rights violations with {inst}.",
        "{official} said trade with {neighbour} had doubled since the agreement took effect.",
        "Remittances from abroad fell sharply, straining household budgets in {place}.",
    ],
    "hr": [
        "Human rights groups report that police detained dozens of demonstrators in {place}.",
        "{person} of a local NGO told PolOff that journalists face increasing harassment.",
        "The government has not responded to requests for information about detainees held in {place}.",
        "{official} rejected criticism of {country}'s human rights record as interference in internal affairs.",
        "Religious minorities in {place} continue to face discrimination in employment and education.",
        "The Ambassador raised human rights concerns directly with {leader}.",
        "Civil society activists say the new NGO law will make it harder to receive foreign funding.",
        "{source} said that at least {num} political prisoners remain in custody.",
        "Press freedom has deteriorated, according to {person}, a prominent editor.",
        "The trafficking in persons report ranking has become a sensitive issue for {inst}.",
        "Refugees from {neighbour} in {place} lack access to basic services.",
        "{official} promised an investigation into allegations of torture by {inst}.",
    ],
    "terror": [
        "{inst} arrested {num} suspected militants in {place} in {month}.",
        "{official} said counterterrorism cooperation with the United States had never been better.",
        "{source} reported that foreign fighters continue to transit {place}.",
        "Security services believe al-Qaida affiliates are regrouping in {place}.",
        "The suicide bombing in {place} killed {num} people and wounded many more.",
        "{official} asked for additional training and equipment for {inst}.",
        "Terrorist financing networks use charities and informal money transfers to move funds.",
        "{person} warned that extremist recruitment among young people in {place} is rising.",
        "The Regional Security Officer has raised the threat level for American personnel.",
        "{leader} pledged to pursue the militants responsible for the attack in {place}.",
    ],
    "mil": [
        "{official} described defense cooperation with the United States as a pillar of the relationship.",
        "The defense budget will rise by {pct} percent, largely for modernization.",
        "{inst} is reluctant to increase its troop contribution to ISAF.",
        "Negotiations on the status of forces agreement resumed in {month}.",
        "{official} expressed interest in purchasing additional aircraft through foreign military sales.",
        "The joint exercise in {place} demonstrated improved interoperability.",
        "{source} said military leaders resent civilian interference in promotions.",
        "Missile defense remains a contentious topic in {adj} public debate.",
        "{official} said the armed forces would assume security responsibility in {place} by {month}.",
        "The Defense Attache observed the exercise and judged it a success.",
    ],
    "nuclear": [
        "{official} said {country} supports a diplomatic solution to the Iranian nuclear program.",
        "The IAEA Board of Governors will take up the report in {month}.",
        "{source} said that uranium enrichment at Natanz had expanded since the last IAEA inspection.",
        "{official} argued that new UN Security Council sanctions would only harden Tehran's position.",
        "{inst} is studying the fuel swap proposal but has not yet responded.",
        "{leader} reiterated that {country} would not accept a nuclear-armed Iran.",
        "Export controls on dual-use items remain weak, according to {person}.",
        "{official} told the Ambassador that the nuclear program was intended only for peaceful purposes.",
        "The Six-Party Talks remain stalled over verification.",
        "{official} expressed concern about ballistic missile tests in the region.",
        "Nonproliferation experts in {place} doubt the government can enforce the Additional Protocol.",
    ],
    "narc": [
        "Cocaine seizures in {place} reached a record {num} tons last year.",
        "{official} welcomed U.S. counter-narcotics assistance but asked for more helicopters.",
        "Drug trafficking organizations have corrupted local police in {place}.",
        "{inst} extradited {num} suspects to the United States this year.",
        "Poppy cultivation increased in {place} despite eradication efforts.",
        "{source} said the cartels are fighting for control of smuggling routes through {place}.",
        "Money laundering through the banking sector remains a serious concern.",
        "DEA agents report growing cooperation with {inst}.",
        "Violence linked to drug trafficking claimed {num} lives in {place} in {month}.",
        "The counter-narcotics police lack the resources to patrol the border.",
    ],
    "corr": [
        "Corruption remains endemic in {inst}, according to {source}.",
        "{official} said the anti-corruption commission had opened {num} new cases.",
        "The prosecutor's investigation into {person} has stalled.",
        "Business contacts say bribery is routine in customs and tax administration.",
        "{leader} has promised judicial reform but little has changed.",
        "{source} alleged that relatives of senior officials control lucrative contracts in {place}.",
        "Transparency International ranks {country} among the worst performers in the region.",
        "The opposition accuses {official} of corruption in the privatization of state assets.",
        "Judges in {place} are widely believed to be for sale.",
        "Corruption allegations have damaged the reputation of {inst}.",
    ],
    "visa": [
        "Consular officers refused {pct} percent of nonimmigrant visa applicants last year.",
        "{official} pressed for inclusion in the visa waiver program.",
        "The fraud prevention unit uncovered a ring selling fraudulent documents in {place}.",
        "Student visa applications rose by {pct} percent over the previous year.",
        "{inst} has agreed to share passenger data under the visa waiver program.",
        "American citizen services handled {num} arrest cases in {place}.",
        "The new biometric passports will meet visa waiver requirements.",
        "Post recommends that the Department approve the request for additional consular staff.",
        "{official} complained about long waits for visa appointments.",
        "Visa fraud remains high among applicants from {place}.",
    ],
    "dispute": [
        "The territorial dispute with {neighbour} over the islands shows no sign of resolution.",
        "{official} said {country} would never accept {neighbour}'s claim to the disputed islands.",
        "Fishing boats from {neighbour} were detained near the disputed islands in {month}.",
        "The border dispute with {neighbour} has poisoned bilateral relations.",
        "{source} believes a compromise on the islands is impossible before the next election.",
        "{leader} visited {place} to underline {country}'s sovereignty claims.",
        "The demarcation talks with {neighbour} adjourned without agreement.",
        "{official} proposed joint development of resources in the disputed area.",
        "Nationalist groups in {place} staged protests over the dispute.",
        "Maritime boundaries in the area have been contested since the end of World War II.",
    ],
    "visit": [
        "{leader} looks forward to the Secretary's visit in {month}.",
        "The visit offers an opportunity to advance the strategic dialogue.",
        "{official} asked that the Secretary raise {neighbour} during the meetings.",
        "The codel met with {leader}, {official}, and members of {inst}.",
        "Embassy recommends that the Secretary thank {leader} for {country}'s support in Afghanistan.",
        "{official} hopes the visit will produce a joint statement on energy security and trade.",
        "The schedule includes a meeting with civil society representatives in {place}.",
        "{leader} will host a working dinner for the delegation.",
        "Post welcomes the visit and stands ready to support it.",
        "Press interest in the visit is intense and largely positive.",
    ],
    "bio": [
        "{person} is regarded as a pragmatist with close ties to {leader}.",
        "{official} speaks fluent English and studied in the United States.",
        "{person} built his career in {inst} before entering politics.",
        "Contacts describe {official} as ambitious, intelligent, and suspicious of outsiders.",
        "{person} is married and has two children.",
        "{official} has been a reliable interlocutor for the Embassy.",
    ],
    "env": [
        "{official} said {country} would present its own emissions targets before the Copenhagen conference.",
        "Climate change is beginning to affect agriculture in {place}.",
        "The outbreak of avian influenza in {place} prompted the culling of thousands of birds.",
        "{inst} announced new subsidies for renewable energy.",
        "Food security has become a priority after the drought in {place}.",
        "{official} asked for U.S. technical assistance on water management.",
        "Deforestation in {place} has accelerated despite government promises.",
        "The H1N1 outbreak led authorities to close schools in {place}.",
    ],
}


# Sentences particular to a country and topic: the coherence that makes search meaningful.
CUSTOM = {
    ("RS", "energy"): [
        "Gazprom intends to press ahead with the South Stream gas pipeline despite European doubts.",
        "The gas dispute with Ukraine left several European countries without supplies in January.",
        "Gazprom officials argue that Nord Stream will improve energy security for Europe.",
        "Deputy Prime Minister Sechin oversees the oil sector and is close to Rosneft.",
        "Transneft has resisted calls to open its oil pipeline network to private companies.",
        "The Kremlin views energy as a foreign policy tool in relations with Ukraine and Europe.",
    ],
    ("RS", "pol"): [
        "The tandem of President Medvedev and Prime Minister Putin continues to function smoothly, at least in public.",
        "United Russia dominates the Duma and the regional legislatures.",
        "Putin remains the most powerful figure in Russian politics.",
        "Opposition parties were denied registration for the Duma elections.",
    ],
    ("RS", "dispute"): [
        "The disputed Kurile Islands remain a sticking point in relations with Japan.",
        "Russian officials see little gain in making concessions to Japan on the islands.",
        "The MFA dismissed Japanese proposals to divide the disputed islands as unrealistic.",
    ],
    ("JA", "dispute"): [
        "Japan regards the Northern Territories dispute with Russia as the main obstacle to a peace treaty.",
        "The Takeshima dispute with South Korea flared again after the textbook guidelines were published.",
        "Chinese survey ships operated near the Senkaku Islands, prompting a Japanese protest.",
        "MOFA officials believe the islands dispute with Russia will not be resolved under the current leadership.",
    ],
    ("JA", "mil"): [
        "The relocation of the Futenma air station to Henoko remains the core of the realignment roadmap.",
        "Okinawan opposition to the Futenma replacement facility has hardened.",
        "The Japan Self-Defense Forces refueling mission in the Indian Ocean expires in January.",
    ],
    ("AF", "narc"): [
        "Poppy cultivation in Helmand accounts for more than half of Afghanistan's opium.",
        "The Ministry of Counter Narcotics lacks the capacity to lead eradication in Helmand and Kandahar.",
        "Counter-narcotics officials believe traffickers pay the Taliban to protect their convoys.",
    ],
    ("AF", "pol"): [
        "Karzai remains suspicious of Western motives and sensitive to criticism of his government.",
        "The Independent Election Commission has struggled to address allegations of fraud.",
        "Karzai told the Ambassador that civilian casualties undermine support for ISAF.",
    ],
    ("AF", "corr"): [
        "Corruption in the Afghan National Police undermines public confidence in the government.",
        "Contacts allege that Ahmed Wali Karzai profits from the narcotics trade in Kandahar.",
    ],
    ("IR", "nuclear"): [
        "Ahmadinejad insists that Iran's nuclear program is peaceful and will not be suspended.",
        "Iranian contacts in Dubai say sanctions are hurting business but not changing policy.",
        "The IRGC controls a growing share of the Iranian economy, including front companies in Dubai.",
        "Khamenei has the final word on the nuclear program.",
    ],
    ("TU", "energy"): [
        "Turkey hopes the Nabucco gas pipeline will make it an energy hub between the Caspian and Europe.",
        "Erdogan told the Ambassador that Turkey would not accept transit terms dictated by Gazprom.",
        "BOTAS officials say Turkey needs Iraqi gas to make Nabucco viable.",
    ],
    ("TU", "terror"): [
        "The PKK continues to launch attacks from bases in northern Iraq.",
        "The Turkish General Staff wants more actionable intelligence on the PKK.",
    ],
    ("VE", "pol"): [
        "Chavez uses his weekly television program to attack the opposition and the United States.",
        "Chavez has pressed for a constitutional amendment that would end term limits.",
        "PDVSA revenues finance Chavez's social programs and his foreign policy.",
    ],
    ("VE", "energy"): [
        "Oil production at PDVSA has declined as the company diverts revenue to social programs.",
        "Chavez offers discounted oil to Caribbean states through Petrocaribe.",
    ],
    ("IT", "pol"): [
        "Berlusconi's relationship with Putin worries some in the Italian foreign ministry.",
        "Berlusconi dominates Italian television through Mediaset.",
    ],
    ("IT", "energy"): [
        "ENI's partnership with Gazprom in South Stream is a concern for European energy security.",
        "Berlusconi has defended ENI's deals with Gazprom as good for Italy.",
    ],
    ("FR", "pol"): [
        "Sarkozy wants France to play a leading role in Europe and in NATO.",
        "Sarkozy's advisers describe him as impatient with bureaucratic caution.",
    ],
    ("GM", "energy"): [
        "Merkel supports Nord Stream but wants Europe to diversify its gas supplies.",
        "E.ON executives told EconOff that Germany would remain dependent on Russian gas.",
    ],
    ("GM", "pol"): [
        "Merkel leads a grand coalition in which the SPD controls the Foreign Office.",
        "Merkel is cautious about any step that could antagonize Moscow.",
    ],
    ("PK", "terror"): [
        "The Pakistani Army launched an offensive against militants in Swat and South Waziristan.",
        "Zardari told the Ambassador that the ISI was under civilian control, a claim few accept.",
        "Lashkar-e-Taiba operates openly in Punjab through charitable fronts.",
    ],
    ("CH", "econ"): [
        "Chinese officials defended the exchange rate policy as necessary for stability.",
        "U.S. companies complain about intellectual property rights violations in Guangdong.",
    ],
    ("IZ", "energy"): [
        "The hydrocarbon law remains stalled over revenue sharing with the Kurdistan Regional Government.",
        "Oil exports through Basrah reached their highest level since 2003.",
    ],
    ("MX", "narc"): [
        "Violence in Ciudad Juarez has made it the most dangerous city in Mexico.",
        "The Merida Initiative provides helicopters, scanners, and training to Mexican law enforcement.",
        "Calderon deployed the army against the cartels in Michoacan and Chihuahua.",
    ],
    ("CO", "narc"): [
        "The FARC finances its operations through cocaine trafficking.",
        "Plan Colombia assistance has strengthened the Colombian Army's capacity to counter the FARC.",
    ],
    ("UP", "energy"): [
        "Naftogaz is unable to pay Gazprom for gas deliveries without a government bailout.",
        "Tymoshenko and Yushchenko blame each other for the gas dispute with Russia.",
    ],
    ("GG", "dispute"): [
        "Russian troops remain in South Ossetia and Abkhazia in violation of the ceasefire agreement.",
        "Saakashvili told the Ambassador that Moscow intends to provoke Georgia.",
    ],
    ("IS", "pol"): [
        "Netanyahu told the codel that Iran's nuclear program is the greatest threat to Israel.",
        "Hamas continues to fire rockets from Gaza at Sderot.",
    ],
    ("LE", "pol"): [
        "Hizballah refuses to discuss its weapons outside the national dialogue.",
        "Nasrallah's speeches are watched closely for signals about Hizballah's intentions.",
    ],
    ("SA", "terror"): [
        "Saudi officials told us that donors in the Gulf remain a significant source of terrorist financing.",
        "Muhammad bin Nayif runs the Kingdom's counterterrorism program.",
    ],
    ("BR", "energy"): [
        "Petrobras plans to develop the pre-salt oil fields off Rio de Janeiro.",
        "Lula sees ethanol and the pre-salt fields as keys to Brazil's rise.",
    ],
    ("SU", "hr"): [
        "Humanitarian access in Darfur remains restricted by the government.",
        "Bashir has refused to cooperate with the ICC on Darfur.",
    ],
    ("ZI", "pol"): [
        "Mugabe and ZANU-PF have used violence to intimidate MDC supporters.",
        "Tsvangirai told the Ambassador that the unity government is not working.",
    ],
    ("KN", "nuclear"): [
        "North Korea's nuclear test has complicated the Six-Party Talks.",
        "Disablement work at Yongbyon has slowed.",
    ],
    ("AJ", "energy"): [
        "SOCAR officials said Azerbaijan would supply gas to Nabucco if transit terms with Turkey are settled.",
        "The Baku-Tbilisi-Ceyhan oil pipeline gives Azerbaijan a route to Europe that bypasses Russia.",
    ],
    ("KZ", "energy"): [
        "The Kashagan oil field remains years behind schedule.",
        "Nazarbayev wants multiple pipelines for Kazakhstan's oil and gas.",
    ],
}


MISSION_TOPICS = {
    "state": "pol3;nuclear2;terror2;econ2;hr1;visa2;visit2;energy1;mil1;narc1",
    "un": "nuclear4;pol3;hr3;mil2",
    "eu": "econ4;energy3;pol3;terror2;hr1",
    "nato": "mil5;pol3;terror2",
    "geneva": "hr5;econ2;nuclear2;env2",
    "unvie": "nuclear6;narc2",
    "osce": "hr3;pol3;dispute3;mil2",
    "unesco": "hr2;env2;pol2",
    "unrome": "env5;econ2",
    "rpo": "nuclear4;pol4;hr3;econ2;energy2",
}


MISSION_TARGETS = {
    "un": ["IR", "SU", "KN", "IS", "LE", "SO", "BM", "ZI", "AF", "IZ", "KV", "GG"],
    "eu": ["RS", "UP", "TU", "IR", "SR", "KV", "BO", "CH", "GG", "AF"],
    "nato": ["AF", "RS", "GG", "UP", "KV", "TU", "PK"],
    "geneva": ["CU", "BM", "SU", "IR", "KN", "ZI", "CH", "SL"],
    "unvie": ["IR", "KN", "SY", "IN", "PK"],
    "osce": ["RS", "GG", "BO", "KZ", "AJ", "AM", "MD", "UZ"],
    "unesco": ["FR", "IS", "CH", "RS"],
    "unrome": ["ET", "SO", "SU", "ZI", "HA", "AF"],
    "rpo": ["IR"],
}


TOPIC_TAGS = {
    "pol": ["PREL", "PGOV", "KDEM", "PINR"],
    "energy": ["ENRG", "EPET", "ECON", "EINV"],
    "econ": ["ECON", "ETRD", "EFIN", "EINV"],
    "hr": ["PHUM", "KDEM", "SOCI", "KIRF"],
    "terror": ["PTER", "ASEC", "KCRM", "PINS"],
    "mil": ["MARR", "MOPS", "PREL", "MASS"],
    "nuclear": ["KNNP", "MNUC", "PARM", "PREL"],
    "narc": ["SNAR", "KCRM", "KJUS", "PGOV"],
    "corr": ["KCOR", "KJUS", "PGOV", "KCRM"],
    "visa": ["CVIS", "CMGT", "CASC", "KFRD"],
    "dispute": ["PREL", "PBTS", "PGOV", "MARR"],
    "visit": ["OVIP", "PREL", "OREP", "PGOV"],
    "bio": ["PINR", "PGOV", "PREL"],
    "env": ["SENV", "KGHG", "TBIO", "EAGR"],
}


SUBJECTS = {
    "pol": [
        "{LEADER} TIGHTENS GRIP AHEAD OF ELECTIONS",
        "COALITION UNDER STRAIN AS {INST} WAVERS",
        "OPPOSITION REGROUPS AFTER ELECTION DEFEAT",
        "{LEADER} AND THE SUCCESSION QUESTION",
        "CABINET RESHUFFLE FAVORS {OFFICIAL}",
        "REGIONAL ELECTIONS IN {PLACE}: A PRELIMINARY READOUT",
        "{OFFICIAL} ON RELATIONS WITH {NEIGHBOUR}",
        "POLITICAL UPDATE FOR {MONTH}",
    ],
    "energy": [
        "{INST} EYES NEW GAS PIPELINE TO EUROPE",
        "ENERGY SECURITY DIALOGUE WITH {OFFICIAL}",
        "OIL PRODUCTION FALLS AGAIN",
        "GAS DISPUTE WITH {NEIGHBOUR} ESCALATES",
        "{INST} AND THE FUTURE OF {PLACE} OIL",
        "ENERGY MINISTER ON PIPELINE POLITICS",
    ],
    "econ": [
        "FREE TRADE AGREEMENT: NEXT STEPS",
        "FINANCIAL CRISIS HITS {PLACE}",
        "{OFFICIAL} ON THE BUDGET AND GROWTH",
        "INVESTMENT CLIMATE STATEMENT",
        "WTO ACCESSION TALKS STALL",
        "STIMULUS PACKAGE APPROVED",
    ],
    "hr": [
        "HUMAN RIGHTS ACTIVISTS DETAINED IN {PLACE}",
        "PRESS FREEDOM UNDER PRESSURE",
        "NGO LAW WORRIES CIVIL SOCIETY",
        "AMBASSADOR RAISES HUMAN RIGHTS WITH {OFFICIAL}",
        "RELIGIOUS FREEDOM IN {PLACE}",
        "TRAFFICKING IN PERSONS: GOVERNMENT RESPONSE",
    ],
    "terror": [
        "MILITANTS ARRESTED IN {PLACE}",
        "COUNTERTERRORISM COOPERATION WITH {INST}",
        "SUICIDE BOMBING IN {PLACE}",
        "TERRORIST FINANCING: {OFFICIAL} PLEDGES ACTION",
        "EXTREMIST THREAT IN {PLACE}",
    ],
    "mil": [
        "DEFENSE COOPERATION: {OFFICIAL} SEEKS MORE",
        "STATUS OF FORCES AGREEMENT TALKS RESUME",
        "MISSILE DEFENSE DEBATE",
        "TROOP CONTRIBUTION TO ISAF",
        "JOINT EXERCISE IN {PLACE}",
    ],
    "nuclear": [
        "{OFFICIAL} ON THE IRANIAN NUCLEAR PROGRAM",
        "IAEA BOARD: {COUNTRY} POSITION",
        "SANCTIONS AND THE NUCLEAR PROGRAM",
        "NONPROLIFERATION DIALOGUE WITH {INST}",
        "SIX-PARTY TALKS: {OFFICIAL} VIEWS",
    ],
    "narc": [
        "COUNTER-NARCOTICS UPDATE FOR {PLACE}",
        "RECORD COCAINE SEIZURE",
        "CARTEL VIOLENCE IN {PLACE}",
        "EXTRADITIONS TO THE UNITED STATES",
        "POPPY CULTIVATION RISES IN {PLACE}",
    ],
    "corr": [
        "CORRUPTION IN {INST}",
        "ANTI-CORRUPTION DRIVE STALLS",
        "JUDICIAL REFORM: LITTLE PROGRESS",
        "PROSECUTOR INVESTIGATES {OFFICIAL}",
    ],
    "visa": [
        "VISA WAIVER PROGRAM: {COUNTRY} PRESSES FOR INCLUSION",
        "VISA FRAUD RING UNCOVERED IN {PLACE}",
        "CONSULAR UPDATE",
        "REQUEST FOR ADDITIONAL CONSULAR STAFF",
    ],
    "dispute": [
        "ISLANDS DISPUTE WITH {NEIGHBOUR}",
        "NO PROGRESS ON TERRITORIAL DISPUTE",
        "BORDER DISPUTE WITH {NEIGHBOUR} FLARES",
        "{OFFICIAL} ON THE DISPUTED ISLANDS",
    ],
    "visit": [
        "SCENESETTER FOR THE SECRETARY'S VISIT",
        "CODEL MEETS {LEADER}",
        "VISIT OF {OFFICIAL} TO WASHINGTON",
        "SCENESETTER FOR {MONTH} STRATEGIC DIALOGUE",
    ],
    "bio": ["BIOGRAPHIC NOTE ON {OFFICIAL}", "NEW {INST} CHIEF: A PROFILE"],
    "env": [
        "CLIMATE CHANGE: {COUNTRY} POSITION BEFORE COPENHAGEN",
        "AVIAN INFLUENZA OUTBREAK IN {PLACE}",
        "DROUGHT AND FOOD SECURITY",
    ],
}


HEADINGS = {
    "pol": ["The Coalition", "Succession Politics", "Opposition Views", "Looking Ahead"],
    "energy": ["Pipeline Politics", "Gas Supplies", "The Oil Sector", "Energy Security"],
    "econ": ["The Budget", "Trade Figures", "Investment Climate", "The Banking Sector"],
    "hr": ["Detentions", "Press Freedom", "Civil Society", "Government Response"],
    "terror": ["The Threat", "Recent Arrests", "Cooperation with the U.S."],
    "mil": ["Defense Cooperation", "Force Posture", "Procurement"],
    "nuclear": ["The Nuclear File", "Sanctions", "The IAEA Report"],
    "narc": ["Seizures", "Extraditions", "Eradication"],
    "corr": ["The Investigation", "Judicial Reform", "Public Reaction"],
    "visa": ["Visa Fraud", "Workload", "Recommendations"],
    "dispute": ["The Islands", "Historical Background", "Prospects for Compromise"],
    "visit": ["Political Context", "Economic Issues", "Your Meetings"],
    "bio": ["Background", "Career", "Personal"],
    "env": ["The Outbreak", "Climate Policy", "Assistance Needs"],
}


INTL = ["EU", "NATO", "UN", "IAEA", "OSCE", "G-8", "WTO", "IMF", "World Bank", "Gazprom"]


US_PEOPLE = ["the Ambassador", "the DCM", "PolOff", "EconOff", "PolCouns", "the Charge"]


SOURCES = [
    "XXXXXXXXXXXX",
    "a well-placed contact",
    "a senior MFA official",
    "an opposition politician",
    "a Western diplomat",
    "a journalist",
    "XXXXXXXXXXXX, a longtime Embassy contact,",
    "a local businessman",
]


# Terms for the long tail of the vocabulary: a cable names one now and then, the first of
# them in a few thousand cables of the full corpus, the last in a few dozen.
RARE_TERMS = [
    "the Shtokman field",
    "the Sakhalin-2 project",
    "the Baku-Tbilisi-Ceyhan pipeline",
    "the Kashagan consortium",
    "the Druzhba pipeline",
    "the Yamal peninsula",
    "the Nord Stream route",
    "the Blue Stream pipeline",
    "the Trans-Caspian pipeline",
    "the Kirkuk-Ceyhan pipeline",
    "the Iran-Pakistan-India pipeline",
    "the Orinoco heavy oil belt",
    "the Jubilee field",
    "the Tupi field",
    "the Chad-Cameroon pipeline",
    "the Nabucco summit",
    "the Ignalina plant",
    "the Bushehr reactor",
    "the Arak heavy water plant",
    "the Fordow site",
    "the Yongbyon reactor",
    "the Dimona reactor",
    "the Kudankulam plant",
    "the Akkuyu plant",
    "the Belene plant",
    "the Temelin plant",
    "the Krsko plant",
    "the Angarsk enrichment center",
    "the Manas Transit Center",
    "Camp Lemonnier",
    "the Karshi-Khanabad base",
    "Diego Garcia",
    "the Incirlik air base",
    "the Aviano air base",
    "Camp Bondsteel",
    "the Redzikowo site",
    "the Gabala radar",
    "the Vicenza base",
    "the Kunsan air base",
    "the Futenma air station",
    "the Kurile Islands",
    "the Hans Island dispute",
    "the Abu Musa island",
    "the Falkland Islands",
    "the Spratly Islands",
    "the Paracel Islands",
    "the Chagos Islands",
    "the Hanish Islands",
    "Perejil island",
    "the Senkaku Islands",
    "the Dokdo islets",
    "Transnistria",
    "the Prigorodny district",
    "the Kodori Gorge",
    "the Pankisi Gorge",
    "the Wakhan corridor",
    "the Caprivi Strip",
    "the Ogaden",
    "the Bakassi peninsula",
    "the Preah Vihear temple",
    "the Aouzou Strip",
    "the Ilemi Triangle",
    "the Badme line",
    "the Sir Creek dispute",
    "the Siachen glacier",
    "the Tumen River project",
    "the Mekong River Commission",
    "the Lake Chad basin",
    "the Aral Sea",
    "the Rogun dam",
    "the Three Gorges dam",
    "the Ilisu dam",
    "the Merowe dam",
    "the Grand Inga project",
    "the Kaesong Industrial Complex",
    "the Mount Kumgang resort",
    "the Tumen River bridge",
    "the Lubyanka",
    "Butyrka prison",
    "the Matrosskaya Tishina detention center",
    "Evin prison",
    "Abu Ghraib",
    "Insein prison",
    "Bagram",
    "Camp Bucca",
    "Pul-e-Charkhi prison",
    "the Andijon events",
    "the Beslan school siege",
    "the Nord-Ost siege",
    "the Marriott bombing",
    "the Samjhauta Express bombing",
    "the Lal Masjid operation",
    "the Nahr al-Barid camp",
    "the Zarqawi network",
    "the Hofstad group",
    "the Madrid train bombings",
    "the Lockerbie case",
    "the Litvinenko case",
    "the Politkovskaya case",
    "the Magnitsky case",
    "the Khodorkovskiy trial",
    "the Hrant Dink murder",
    "the Ergenekon investigation",
    "the Sledgehammer case",
    "the Mumbai attacks",
    "the Bali bombings",
    "the Gaddafi tent",
    "the Tarnak Farms",
    "the Tora Bora caves",
    "the Farah airfield",
    "the Nimruz border crossing",
    "the Torkham gate",
    "the Chaman crossing",
    "the Salang tunnel",
    "the Kajaki dam",
    "the Ring Road",
    "the Helmand Food Zone",
    "the Musa Qala agreement",
    "the Shindand air base",
    "the Khyber Pass",
    "the Karakoram highway",
    "the Gwadar port",
    "the Hambantota port",
    "the Chittagong port",
    "the Sittwe port",
    "the Lamu port",
    "the Djibouti port",
    "the Port of Aden",
    "the Bandar Abbas port",
    "the Chabahar port",
    "the Umm Qasr port",
    "the Tartus naval facility",
    "the Sevastopol naval base",
    "the Cam Ranh Bay facility",
    "the Subic Bay facility",
]


RARE_FRAMES = [
    "{source} also raised {term}.",
    "The discussion turned briefly to {term}.",
    "{official} mentioned {term} in passing.",
    "Press reports about {term} have drawn official attention.",
    "Contacts expect {term} to resurface.",
]


BANNERS = {
    "UNCLASSIFIED": "UNCLAS",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "UNCLAS",
    "CONFIDENTIAL": "C O N F I D E N T I A L",
    "CONFIDENTIAL//NOFORN": "C O N F I D E N T I A L",
    "SECRET": "S E C R E T",
    "SECRET//NOFORN": "S E C R E T",
}


ZN_LINES = {
    "UNCLAS": "ZNR UUUUU ZZH",
    "C O N F I D E N T I A L": "ZNY CCCCC ZZH",
    "S E C R E T": "ZNY SSSSS ZZH",
}


# Portion markings per classification: (the first paragraph's, the others' with weights).
MARKINGS = {
    "UNCLASSIFIED": ("U", [("U", 1)]),
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": ("SBU", [("SBU", 6), ("U", 3), ("U//FOUO", 1)]),
    "CONFIDENTIAL": ("C", [("C", 6), ("U", 2), ("SBU", 2)]),
    "CONFIDENTIAL//NOFORN": ("C/NF", [("C/NF", 4), ("C", 4), ("U", 1), ("C//NF", 1)]),
    "SECRET": ("S", [("S", 5), ("C", 4), ("U", 1)]),
    "SECRET//NOFORN": ("S/NF", [("S/NF", 5), ("S//NF", 1), ("S", 3), ("C", 2)]),
}


# The shapes of corpus/shapes.py that are not among the common ones above.
CLASSIFIED_BY_CAPITALS = "CLASSIFIED BY: {TITLE} {NAME}, REASONS 1.4 (B) AND (D)"
CLASSIFIED_BY_NO_COLON = "Classified by {title} {name} for reasons 1.4 (b) and (d)."

CLASSIFIED_BY = [
    "Classified By: {title} {name}.  Reasons: 1.4 (b) and (d).",
    "Classified By: {title} {name} for reasons 1.4 (b) and (d).",
    "CLASSIFIED BY: {TITLE} {NAME}, REASONS 1.4 (B) AND (D)",
    "Classified By: {title} {name}, Reason 1.4 (d)",
    "Classified By: {title} {name}, for reasons 1.4(b) and (d).",
    "Classified By: {title} {name}. Reason: 1.4 (b), (d)",
    "Classified By: {title} {name}; Reasons 1.4 (b/d).",
    "Classified By: {title} {name}, E.O. 12958, reasons 1.4 (b) and (d)",
    "Classified by: {title} {name} for Reasons 1.4 (c) and (d).",
    "Classified By: {title} {name}, Reasons: 1.4 (a), (b), (d), (h).",
]


CLASSIFIER_TITLES = [
    "Ambassador",
    "DCM",
    "Political Counselor",
    "Economic Counselor",
    "Charge d'Affaires a.i.",
    "Acting DCM",
    "PolCouns",
    "Consul General",
    "Deputy Chief of Mission",
    "Political Officer",
]


STATE_TITLES = ["EUR DAS", "NEA A/S", "SCA PDAS", "EAP DAS", "ISN/RA Director", "WHA A/S", "AF DAS"]


SUMMARY_OPENERS = [
    "Summary.",
    "Summary:",
    "Summary and comment:",
    "SUMMARY:",
    "Summary and Action Request:",
]


CLOSINGS = [
    "Embassy will continue to monitor developments and report.",
    "We will follow up at the working level.",
    "Post appreciates the Department's guidance.",
    "Action request: Post requests guidance by COB {month} 15.",
    "We recommend that the Department raise this issue in Washington.",
]
