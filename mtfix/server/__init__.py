"""`mtfix server`: a Language Server that checks the documents an editor has open.

`positions` turns file offsets into LSP positions, `checking` checks one open document under
the nearest configuration, `protocol` turns its issues into diagnostics and code actions, and
`app` answers the editor over standard input and output (pygls).
"""
