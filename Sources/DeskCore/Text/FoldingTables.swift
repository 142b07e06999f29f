// Generated once from Unicode canonical decomposition (see FoldingTablesTests, which re-derives both tables with
// Foundation and compares). One byte per code point: the ASCII letter or digit it folds to, " " for a separator,
// "?" for a letter with no Latin base, "_" for a mark or format character that vanishes without splitting a word.
// Shipping them as text saves every process that folds a Vietnamese name ~3 ms of building them at start-up.
extension Folding {
    /// U+0000–U+024F: Latin-1 Supplement, Latin Extended-A and -B.
    static let latinTableText = [
        "                                                0123456789      ",
        " abcdefghijklmnopqrstuvwxyz      abcdefghijklmnopqrstuvwxyz     ",
        "                                          ?  _       ?    ?     ",
        "aaaaaa?ceeeeiiiidnooooo ?uuuuy??aaaaaa?ceeeeiiiidnooooo ?uuuuy?y",
        "aaaaaaccccccccddddeeeeeeeeeegggggggghh??iiiiiiiii???jjkk?llllll?",
        "???nnnnnn???oooooo??rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?",
        "?????????d??????????????????????oo?????????????uu???????????????",
        "?????????????aaiioouuuuuuuuuu?aaaa????ggkkoooo??j???gg??nnaa????",
        "aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????",
        "????????????????",
    ].joined()

    /// U+1E00–U+1EFF: Latin Extended Additional, where the precomposed Vietnamese vowels with tone marks live.
    static let extendedAdditionalText = [
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
        "wwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????",
    ].joined()
}
