R = '-' * 78
P1 = '%-' * 39
P2 = '%%--' * 19 + '%%'
P3 = '%%%---' * 13
assert len(P1) == len(P2) == len(P3) == 78
text = r"""From: no-reply@arxiv.org
Subject: cs daily Subj-class mailing 1e8 1
Date: Fri, 19 Jan 2024 04:13:51 -0500

{R}
{R}
Send any comments regarding submissions directly to submitter.
{R}
Archives at http://arxiv.org/
To unsubscribe, e-mail To: cs@arXiv.org, Subject: cancel
{R}
 Submissions to:
Artificial Intelligence
Computation and Language
Machine Learning
 received from  Wed 17 Jan 24 19:00:00 GMT  to  Thu 18 Jan 24 19:00:00 GMT
{R}
{R}
\\
arXiv:2401.09417
Date: Wed, 17 Jan 2024 18:56:18 GMT   (2458kb,D)

Title: Vision Mamba: Efficient Visual Representation Learning with Bidirectional
  State Space Model
Authors: Lianghui Zhu, Bencheng Liao, Qian Zhang, Xinlong Wang, Wenyu Liu,
  Xinggang Wang
Categories: cs.CV cs.LG
Comments: Work in progress. Code is available at
  https://github.com/hustvl/Vim
\\
  Vim swaps the self-attention of a vision backbone for bidirectional Mamba
state space blocks and tags image patches with position embeddings. It matches
or beats DeiT on ImageNet, COCO and ADE20k while using far less GPU memory on
high-resolution images.
\\ ( https://arxiv.org/abs/2401.09417 ,  2458kb)
{R}
\\
arXiv:2401.10020
Date: Thu, 18 Jan 2024 14:43:57 GMT   (1079kb,D)

Title: Self-Rewarding Language Models
Authors: Weizhe Yuan, Richard Yuanzhe Pang, Kyunghyun Cho, Xian Li, Sainbayar
  Sukhbaatar, Jing Xu, Jason Weston
Categories: cs.CL cs.AI
\\
  The model acts as its own judge: it scores its candidate responses with an
LLM-as-a-judge prompt, and those scores drive iterative DPO training.
  Three iterations on Llama 2 70B improve instruction following and also the
quality of the rewards the model gives itself.
\\ ( https://arxiv.org/abs/2401.10020 ,  1079kb)
{R}
\\
arXiv:2401.04088
Date: Mon, 8 Jan 2024 18:47:34 GMT   (2281kb,D)

Title: Mixtral of Experts
Authors: Albert Q. Jiang, Alexandre Sablayrolles, Antoine Roux, Arthur Mensch,
  Blanche Savary, Chris Bamford, Devendra Singh Chaplot, Diego de las Casas,
  Emma Bou Hanna, Florian Bressand, Gianna Lengyel, Guillaume Bour, Guillaume
  Lample, L\'elio Renard Lavaud, Lucile Saulnier, Marie-Anne Lachaux, Pierre
  Stock, Sandeep Subramanian, Sophia Yang, Szymon Antoniak, Teven Le Scao,
  Th\'eophile Gervet, Thibaut Lavril, Thomas Wang, Timoth\'ee Lacroix, William
  El Sayed
Categories: cs.LG cs.CL
Comments: See more details at https://mistral.ai/news/mixtral-of-experts/
\\
  Mixtral 8x7B is a sparse mixture-of-experts language model: every layer has
eight feed-forward experts and a router sends each token to two of them, so
only 13B of its 47B parameters are active per token. It matches or beats Llama
2 70B and GPT-3.5 on most benchmarks, and the weights are Apache 2.0.
\\ ( https://arxiv.org/abs/2401.04088 ,  2281kb)
{R}
\\
arXiv:cs/9605103
Date: Wed, 1 May 1996 00:00:00 GMT   (512kb)

Title: Reinforcement Learning: A Survey
Authors: L. P. Kaelbling, M. L. Littman and A. W. Moore
Categories: cs.AI
Comments: See http://www.jair.org/ for any accompanying files
Journal-ref: Journal of Artificial Intelligence Research, Vol 4, (1996), 237-285
DOI: 10.1613/jair.301
\\
  A survey of reinforcement learning from a computer-science point of view:
the trade-off between exploration and exploitation, learning from delayed
reward, building empirical models and generalising across states.
\\ ( https://arxiv.org/abs/cs/9605103 ,  512kb)
{R}
\\
arXiv:1301.3781
Date: Wed, 16 Jan 2013 18:24:43 GMT   (118kb)

Title: Efficient Estimation of Word Representations in Vector Space
Authors: Tom\'a\v{{s}} Mikolov, Kai Chen, Greg Corrado, Jeffrey Dean
Categories: cs.CL
\\
  Two simple log-linear architectures, continuous bag-of-words and skip-gram,
learn word vectors from billions of words in less than a day. The vectors
capture syntactic and semantic regularities, measured on a new analogy test.
\\ ( https://arxiv.org/abs/1301.3781 ,  118kb)
{R}
\\
arXiv:2109.00301
Date: Wed, 1 Sep 2021 10:51:09 GMT   (1206kb,D)

Title: $\infty$-former: Infinite Memory Transformer
Authors: Pedro Henrique Martins, Zita Marinho, Andr\'e F. T. Martins
Categories: cs.CL cs.LG
Comments: ACL 2022
\\
  The $\infty$-former gives a transformer an unbounded long-term memory: it
attends over a continuous-space representation of the past, so the cost of
attention no longer grows with the length of the context.
\\ ( https://arxiv.org/abs/2109.00301 ,  1206kb)
{P1}
{R}
\\
arXiv:1502.05336 (*cross-listing*)
Date: Wed, 18 Feb 2015 18:34:45 GMT   (163kb)

Title: Probabilistic Backpropagation for Scalable Learning of Bayesian Neural
  Networks
Authors: Jos\'e Miguel Hern\'andez-Lobato and Ryan P. Adams
Categories: stat.ML cs.LG
\\
  Probabilistic backpropagation pushes distributions instead of point values
through a network: a forward pass computes the marginal likelihood and a
backward pass its gradients, which gives scalable Bayesian neural networks.
\\ ( https://arxiv.org/abs/1502.05336 ,  163kb)
{R}
\\
arXiv:1406.2661 (*cross-listing*)
Date: Tue, 10 Jun 2014 18:58:17 GMT   (536kb)

Title: Generative Adversarial Networks
Authors: Ian J. Goodfellow, Jean Pouget-Abadie, Mehdi Mirza, Bing Xu, David
  Warde-Farley, Sherjil Ozair, Aaron Courville, Yoshua Bengio
Categories: stat.ML cs.LG
\\
  Two networks are trained against each other: a generator that maps noise to
samples and a discriminator that tells samples from training data, in a
two-player minimax game whose optimum recovers the data distribution.
\\ ( https://arxiv.org/abs/1406.2661 ,  536kb)
{P2}
{R}
\\
arXiv:1706.03762
replaced with revised version Wed, 2 Aug 2023 00:41:18 GMT   (1124kb,D)

Title: Attention Is All You Need
Authors: Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion
  Jones, Aidan N. Gomez, Lukasz Kaiser, Illia Polosukhin
Categories: cs.CL cs.LG
Comments: 15 pages, 5 figures
\\ ( https://arxiv.org/abs/1706.03762 ,  1124kb)
{R}
\\
arXiv:2112.10752 (*cross-listing*)
replaced with revised version Wed, 13 Apr 2022 11:54:38 GMT   (40347kb,D)

Title: High-Resolution Image Synthesis with Latent Diffusion Models
Authors: Robin Rombach, Andreas Blattmann, Dominik Lorenz, Patrick Esser,
 Bj\"orn Ommer
Categories: cs.CV cs.LG
Comments: CVPR 2022
\\ ( https://arxiv.org/abs/2112.10752 ,  40347kb)
{P3}
"""
text = text.replace('{R}', R).replace('{P1}', P1).replace('{P2}', P2).replace('{P3}', P3).replace('{{s}}', '{s}')
for i, line in enumerate(text.split('\n'), 1):
    if len(line) > 80: print('long', i, len(line), line)
open('fixtures/arxiv-email/cs-daily.txt', 'w').write(text)
