"""The fluency model behind the FL rules: English tokens, their features and the weights that
score them (a linear-chain CRF shipped as `mtfix/data/fluency-crf.json`)."""
