"""LanguageTool as a second opinion: its matches become mtfix issues, merged with mtfix's own.

`--languagetool URL` sends the text to a running LanguageTool server's `/v2/check`;
`--languagetool local` starts the LanguageTool that language-tool-python manages (`LTP_PATH`,
`LTP_JAR_DIR_PATH`) for the run. A match becomes an issue with code `LT:<RULE_ID>`, an mtfix
category, LanguageTool's replacements as unsafe fixes, and code-point offsets into the file.

LanguageTool is optional. When it is missing, slow or failing, one warning goes to stderr and
mtfix carries on with its own rules. See docs/languagetool.md.

The modules: `target` (where the server is, which rules are selected), `batching` (texts
under the server's size limit), `server` (HTTP and the local server), `mapping` (matches to
issues) and `opinion` (the engine's second opinion).
"""
