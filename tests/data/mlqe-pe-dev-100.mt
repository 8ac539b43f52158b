Who would have known if he hadn 't said it himself .
Whoever puts the cross in his hand sharpens the knife .
Jesus answered them :
This is the third time such actions by Hong Kong police have been caught on video :
The official u / Forjoin statement to the r / PikabuPolitics panel of moderators
Ukraine will be walled off from Donbas !
God hates them ...
Why do you think some people hate you ?
Everyone is baptized , not everyone prays .
St. Petersburg will lose half a billion roubles a year after the handover of Isaac to the Church
Blasphemy is a battle !
In the State Duma , it was proposed to equate the salaries of deputies with the national average , but immediately rejected :
Brain fans , what are you OTP for among the three characters ? ( Brian , Botan , Olivia ) Bralivia ( Brian / Olivia ) , Bolivia ( Botan / Olivia ) , Bratan ( Brian / Botan ) ?
Poverty and Wealth 80 lvl
Did you know that fascists were forced to go to war by those " above them " ?
Not Chechnya
The Yid feasts on weekdays , the Russian feasts , and burns on holidays .
He went on a journey where he met a lot of people .
ROC tried to take the house from the veteran
" What ? " said John .
God has given me a piece of money , and he will give me a piece .
Vladimir Ivanovich should give orders himself , not command my people through my head . My people will carry out my orders .
Anna Ivanovna Shestakova , 78 , from Chelyabinsk , lost all her savings of 600,000 roubles overnight .
The Interior Ministry wants to add 21 white sheets to the lawsuit against the opposition . Autumn is convenient . You can improvise , write testimony , charges there .
Is it worth seeing a psychologist for long-term apathy , or will it go away ?
State Duma deputy promises to build temples in Moscow
I 've been gnawing my nails for 6 years .
Roskomnadzor blocked politician Alexei Navalny 's website :
Disinformed that obscurantism prevails in Russia :
Who did you want to be as a child ?
Quit the dirty work and let 's go pipe cleaning .
As a result , who has read and read , help to sort it out .
CPU cooler :
Waiting for the Liberator .
The decision was made by the Ukrainian State Border Service
Small pot , yes porridge brews .
Merkel - the EU should become a permanent member of the UN Security Council , in place of the UK and France :
The bill has already been agreed with the agencies and will soon be sent to the government
And sometimes the strip goes up and then it starts to go down .
My New Cottttt
Sound , sound .
With a holy fist , yes , on the petrified neck .
And to the feast , and to the world , and to the good people .
Various facts are gathered in the file :
Wide beard with wedge , and his name is Klim .
There is a fur coat on the wolf , too , and it is sewn .
People want peace , a good life , they don 't want to fight , " he continued . " And you [ the US ] make us fight and don 't even give us the money to do it .
Marx K. Capital . Vol . 1 . / / Marx K. , Engels F. Works . Second Edition . Vol . 23 . Moscow :
If you take this short essay to participate in a Russian essay contest , what rating can it get ?
And mermaids do exist , you wonder ?
Monument to Superstition
Whatever the question , so is the answer .
A crow in peacock feathers .
A criminal hierarchy .
Which movie do you think is the scariest ?
After all , an economy develops to improve people 's quality of life .
I don 't eat raw , I don 't want fried , I can 't tolerate boiled .
Why does the ROC not recognize the authenticity of the remains of Nicholas II and his family .
Putting Patriotism on a Candle
if Yegor Zhukov is found guilty and sent to prison , it should be taken as a very concrete signal
The mysterious story of the mysterious button on Reddit .
Be beautiful , don 't be hasty .
Premiere - Yuri 's mother turns 93
The sun will come out and say goodbye , the month will shine !
How to start loving ?
The company that wins the competition will have to recover at least 18 bodies of dead people .
Patriarch Kirill contrasted Vladimir with well-being and satiety
The peasant sowed turnips on the avos ( fortunately ) .
I serve in a church .
The community-leased building housed server equipment for mining operations .
Russia is getting up off its knees
This is a compilation of excerpts from many testimonies on the formation of GDP , with references to sources :
The first guy in the village is a harmony man , the second is a paramedic .
Popes simply don 't know that they have to sit in their churches and keep their heads down .
WELCOME , Wait , and REPECT TO HAPPENED .
What the people see , God will hear .
I broke my arm and lay in the hospital , and then in the regional hospital ask questions
Elden Ring : Game to be shown at The Game Awards 2019
Дм.Быков - No way out : :
I didn 't sow ; I don 't eat ; I don 't count .
Many beautiful graphics
You 're " bitch , I 'm your ROT BOMBIL , let 's play "
A mad husband and the sea for a puddle .
Cross yourself and write down .
This week , the radio station also reported that employees of state institutions of the Republic are being asked to raise money for a bike ride on the occasion of Neutrality Day , the second most important national holiday , which is celebrated on December 12 .
It was the scariest ten seconds of my life .
Nowadays , in order to follow the spirit of the Gospel , one must spend time and energy helping one 's neighbor , not on rituals .
An atheist took part in an Egyptian TV talk show
Say yes , point it out , put it in your mouth .
A tour guide has posted a video from a bathhouse in which officials tackle tourism issues in the Solovetsky Islands .
The Freedom from Religion Foundation ( FFRF ) erected a monument in Alabama to commemorate atheists in the trenches
At a hearing in December , Blackwood said he had not intended to offend Buddhism when he posted the image , and after realizing it had caused widespread outrage , deleted it and issued an apology .
Whatever it was , there would be no mountains .
Click here to learn how to disable tracking on an Android or iPhone phone .
How well-known Russians violated Article 148 of the Criminal Code
62-year-old involved in high-profile " poppy buns " case denied parole because of risk of " relapse "
The real power of the ROC was revealed at the Ecumenical Council
We all walk under God .
If not , why not ?
Yes , he was scared of crosses .
