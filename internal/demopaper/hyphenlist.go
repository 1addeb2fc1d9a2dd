package demopaper

// hyphenationList gives the syllable breaks allowed at a line end for the
// paper's longer words, written by hand ("psy-cho-ther-a-py"). A word not
// listed is never split, except after a hyphen it already has.
const hyphenationList = `
ac-cept-able ac-cept-ed ac-tive-ly ad-ap-ta-tion ad-dress ad-mis-sion ad-mit-ted ad-verse
af-fects al-lowed al-though an-oth-er an-ti-de-pres-sant ap-proach ap-prov-al ar-gu-ments
ar-rang-ing as-sess-ment as-sist-ed as-so-ci-at-ed at-ten-dance at-tend-ed at-tend-ing
at-tends avoid-ed back-ground bar-ri-er base-line be-cause be-hav-iour-al be-lieve ben-e-fit
be-tween bi-po-lar blind-ed bond-ing boost-er breast-feed-ing bring-ing cae-sar-ean
cer-ti-fied ces-sa-tion char-ac-ter-is-tic char-ac-ter-is-tics checked child-birth child-care
clin-i-cal clin-i-cal-ly cli-ni-cians col-lec-tion com-ment-ed com-mit-tee com-par-i-son
com-plete com-plet-ed con-cen-tra-tion con-clu-sion con-firmed con-flicts con-sent con-sists
con-sol-i-date con-sul-tant con-trol con-trolled con-ve-nience cor-re-spon-dence coun-tries
cours-es cri-te-ria cur-rent daugh-ter dec-la-ra-tions de-clare de-liv-ered de-liv-ery
de-mand-ing de-mo-graph-ic de-part-ment de-pend-ed de-pres-sion de-pres-sive de-scribe
de-scribed de-scrip-tion de-tails de-vel-op de-vel-oped de-vel-op-ment di-ag-no-sis
dif-fi-cul-ties di-rect-ly dis-abling dis-cus-sion dis-or-der dis-pute dis-tract dis-tress
di-vi-sion drop-out du-ra-bil-i-ty ef-fec-tive ef-fi-ca-cy elec-tron-ic el-i-gi-ble
else-where emer-gen-cy emo-tion-al en-thu-si-asm ep-i-sode es-pe-cial-ly es-tab-lish
es-ti-mates ex-am-ple ex-clud-ed ex-tract-ed fail-ing fea-si-ble feed-ing fig-ures fi-nal-ly
find-ings flex-i-ble fo-cused fol-lowed fre-quent fur-ther gen-er-al hap-pened her-self
his-to-ry hor-i-zon-tal hos-pi-tal how-ev-er iden-ti-fied iden-ti-fy-ing ill-ness
im-paired im-por-tant im-proved im-prove-ment in-clud-ed in-clud-ing in-clu-sion
in-di-vid-u-al in-suf-fi-cient in-ter-ac-tions in-ter-est in-ter-per-son-al in-ter-ven-tion
in-tro-duc-tion in-tru-sive in-ven-to-ry in-vit-ed in-vites in-volve ir-ri-ta-bil-i-ty
jus-ti-fy knowl-edge lim-i-ta-tions lim-it-ed look-ing mark-ed-ly ma-te-ri-al ma-ter-nal
ma-ter-ni-ty mean-ing-ful mea-sure mea-sures med-i-cal med-i-ca-tion meth-ods mid-wife
mid-wives min-utes miss-ing mod-er-ate mo-ments moth-er-hood moth-ers net-work
ob-ser-va-tions ob-sta-cle ob-stet-ric ob-tained oc-cur-ring of-fered out-come out-comes
out-pa-tient par-ents part-ner part-ners pas-sage pa-tient pa-tients peri-na-tal per-sists
planned pop-u-la-tion post-na-tal post-par-tum prac-ti-cal prac-tice prac-ti-tion-ers
pref-er-ence pref-er-ences preg-nan-cy pres-ence pre-sen-ta-tion pre-sent-ed prev-a-lence
prob-a-ble prob-lem proj-ect psy-chi-at-ric psy-chi-a-trist psy-chi-a-trists psy-chi-a-try
psy-cho-log-i-cal psy-cho-ther-a-py psy-chot-ic pub-li-ca-tion pub-lished qual-i-ty
ques-tion-naire ran-dom-ised rat-ings re-build-ing re-ceive re-ceived re-ceives
rec-om-mend-ed re-cord-ed re-cords re-cur-rent re-duc-tion ref-er-ence re-fer-ral
re-fer-rals re-ferred re-gion-al re-gions re-lapse re-la-tion-ship rel-a-tives re-luc-tant
re-mained re-mains re-mem-bered re-mind-er re-mis-sion re-port-ed rep-re-sent re-quire
re-search re-sem-bles re-sults ret-ro-spec-tive re-turned re-vised rough-ly rou-tine
rou-tine-ly sam-ples screen-ing sec-tion se-lec-tion sep-a-rat-ed ses-sion ses-sions
set-ting set-tling sev-er-al short-ened sig-nals sim-i-lar some-thing spon-ta-ne-ous
spon-ta-ne-ous-ly stan-dard start-ed struc-tured sub-stance sug-gest sug-gests sui-cide
sup-port symp-toms tar-gets tear-ful-ness them-selves ther-a-peu-tic ther-a-pist
ther-a-pists ther-a-py there-fore thresh-old through-out treat-ed treat-ing treat-ment
un-com-pli-cat-ed un-con-trolled uni-ver-si-ty un-treat-ed vagi-nal ver-ti-cal
with-draw-al wor-ries writ-ten young-er oth-er-wise dis-tinct ad-just-ment
`
