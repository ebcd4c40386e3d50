// PhysSocial's browser bundle of twitter-text: only what the composer uses.
import parseTweet from "twitter-text/dist/parseTweet";
import extractHashtags from "twitter-text/dist/extractHashtags";
import configs from "twitter-text/dist/configs";
window.twttr = window.twttr || {};
window.twttr.txt = { parseTweet, extractHashtags, configs };
