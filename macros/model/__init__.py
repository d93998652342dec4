"""The pure core: the data model and what follows from it, with no file reading and no MkDocs.

schema/ (the shape of every data file), text (NFC, slugs, escaping, official dates),
legal (citations), document and resolve (a plan resolved against its type), blank
(a type's blank form), outline (the lines every output prints), compare (editions),
catalogue (the immutable result of loading data/).
"""
