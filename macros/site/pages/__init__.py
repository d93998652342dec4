"""Page builders, one module per kind of page: catalogue in, Markdown out, no file touched.
Each fills a template of templates/pages/ through jinja.render."""
