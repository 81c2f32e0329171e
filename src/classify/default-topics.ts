/**
 * The default topics, as data: `shared/topics.md` (the labelling guide) written as rules.
 * Weights: 3 = the phrase alone makes the topic, 2 = strong, 1 = ordinary, below 1 = a hint
 * that only counts together with other evidence. Exclusions name the other senses of the
 * same words; a phrase inside an exclusion does not count.
 */
import type {TopicRule} from './rules.js'

type P = string | {text: string; weight: number}
const w = (weight: number, ...texts: string[]): P[] => texts.map((text) => ({text, weight}))

const nas: TopicRule = {
  id: 'nas',
  label: 'Neural architecture search',
  description:
    'Searching, generating or mathematically designing neural-network architectures automatically: DARTS and its variants, supernets, one-shot and weight-sharing search, zero-cost proxies, performance predictors for architectures, hardware-aware NAS, AutoML of model structure.',
  phrases: [
    ...w(5, 'neural architecture search', 'NAS', 'DARTS'),
    ...w(3, 'architecture search', 'differentiable architecture', 'ENAS', 'one-shot NAS',
      'zero-cost proxy', 'zero-cost proxies', 'training-free NAS', 'NAS-Bench', 'supernet', 'super-net', 'super-network', 'architecture generation',
      'search for architectures', 'searching architectures', 'architecture optimization', 'searched architecture', 'searched architectures',
      'evolutionary architecture', 'architecture evolution', 'network architecture search', 'automated architecture design', 'AutoML of architectures', 'cell search',
      'architecture performance predictor', 'neural predictor', 'once-for-all', 'weight-sharing NAS', 'hardware-aware neural architecture',
      'architecture search space', 'mathematical architecture design', 'differentiable search', 'searching for efficient', 'searching transformers', 'search for efficient', 'auto-deeplab', 'AutoFormer'),
    ...w(2, 'automatically design', 'automatic design', 'structure learning', 'structural learning', 'genetic programming', 'designing neural networks', 'network growing', 'search space', 'weight sharing', 'weight-sharing', 'architecture parameters', 'performance predictor', 'hardware-aware', 'platform-aware',
      'AutoML', 'automated machine learning', 'architecture design space', 'one-shot model', 'single path', 'progressive search',
      'architecture encoding', 'architecture ranking', 'latency predictor', 'genetic CNN', 'network morphism', 'evolved transformer', 'regularized evolution', 'architecture descent', 'growing neural networks', 'growing neural architectures', 'embedding size search', 'embedding dimension search', 'dimensionality search', 'neuroevolution', 'neural architect', 'architecture construction', 'neural fabrics', 'automated graph neural network', 'automated graph neural networks', 'layer growing', 'architecture space', 'architecture spaces', 'architecture representation learning', 'adapter search', 'super pre-training', 'AutoDL', 'automatically-tuned', 'auto-tuned neural networks', 'hardware co-design', 'co-exploration', 'TinyML', 'architecture and hyperparameter search', 'joint architecture', 'topology search', 'predicting network performance', 'performance before training', 'network adaptation', 'channel search', 'width search', 'depth search', 'kernel size search', 'operator search'),
    ...w(1, 'searching for', 'particle swarm', 'evolutionary network', 'architecture sampling', 'architecture switching', 'co-design', 'automated design', 'genetic algorithm', 'genetic algorithms', 'evolutionary', 'evolving', 'search strategy', 'candidate architectures', 'architecture', 'architectures', 'design space', 'scalable image recognition', 'transferable architectures', 'evolution', 'cell'),
    ...w(1, 'search'),
    ...w(0.5, 'automated', 'controller', 'reinforcement learning'),
  ],
  exclude: [
    ...w(3, 'NAS Parallel Benchmarks', 'graph structure learning', 'Bayesian network structure', 'network-attached storage', 'network attached storage', 'NAS storage', 'NAS device', 'NAS devices', 'NAS server', 'NASA'),
    ...w(1, 'hand-designed', 'manually designed', 'search engine', 'search engines', 'web search', 'beam search', 'tree search', 'Monte Carlo tree search', 'local search', 'hyperparameter search', 'literature search', 'retrieval', 'auto-sklearn', 'AutoML pipeline', 'AutoML pipelines', 'AutoML library', 'AutoML system', 'AutoML toolkit', 'tabular', 'structured data', 'hyperparameter optimization', 'neighborhood search', 'large neighborhood search', 'vehicle routing', 'combinatorial optimization', 'nearest neighbor search', 'code search', 'search queries', 'query'),
  ],
  anchors: ['architecture', 'architectures', 'NAS', 'DARTS', 'ENAS', 'supernet', 'super-net', 'super-network', 'once-for-all', 'AutoML', 'neural predictor', 'AutoFormer', 'auto-deeplab', 'network morphism', 'genetic CNN', 'evolved transformer'],
}

const diffusion: TopicRule = {
  id: 'diffusion',
  label: 'Diffusion and score-based generative models',
  description:
    'Denoising diffusion and score-based generative models: latent diffusion and Stable Diffusion, diffusion transformers (DiT), flow-based diffusion, text-to-image, text-to-video and text-to-3D generation built on diffusion, score distillation, diffusion samplers and their acceleration or serving, diffusion bridges.',
  phrases: [
    ...w(2.5, 'diffusion'),
    ...w(5, 'diffusion model', 'diffusion models', 'denoising diffusion', 'latent diffusion', 'stable diffusion'),
    ...w(3, 'score-based', 'score-based generative', 'DDPM', 'DDIM',
      'DiT', 'diffusion transformer', 'diffusion transformers', 'diffusion-based', 'video diffusion', 'diffusion prior', 'diffusion policy', 'diffusion sampling', 'diffusion sampler',
      'classifier-free guidance', 'score distillation', 'score matching', 'diffusion bridge', 'diffusion bridges', 'consistency model', 'consistency models', 'consistency distillation',
      'DPM-Solver', 'SDXL', 'ControlNet', 'DreamBooth', 'textual inversion', 'text-to-image diffusion', 'image diffusion', 'diffusion probabilistic', 'noise-conditioned',
      'diffusion distillation', 'diffusion autoencoder', 'diffusion features', 'denoising score', 'reverse diffusion', 'diffusion process for generation', 'guided diffusion', 'diffusion guidance',
      'masked diffusion', 'discrete diffusion', 'diffusion language model', 'diffusion planner', 'DreamFusion', 'rectified flow', 'flow matching', 'stochastic interpolants', 'probability flow', 'DiT-based', 'U-ViT', 'latent consistency', 'text-to-3D', 'image-to-3D', 'text-to-4D', 'text-to-video', 'video-to-video', 'text-to-motion', 'Schrödinger bridge', 'bridge matching', 'distribution matching distillation', 'iterative generation', 'iterative generative', 'multi-view diffusion', 'video latent diffusion', 'noise-to-image', 'Imagen', 'annealed Langevin', 'score model', 'score models', 'score network', 'score networks', 'noise-conditional', 'reverse process', 'iterative denoising', 'denoising process', 'noise levels'),
    ...w(2, 'text-to-image', 'image customization', 'stochastic refinement', 'noisy inverse problems', 'Stable Audio', 'Stable Video Diffusion', 'Langevin dynamics', '3D content creation', 'cross-attention guidance', 'layout control', 'forward process', 'iterative refinement', 'pure noise', 'pure Gaussian noise', 'text-guided', 'text-driven', 'image-to-image translation', 'text-to-image models', 'text-to-speech synthesis', 'audio generation', 'single image to 3D', 'identity-preserving', 'subject-driven generation', 'customized generation', 'controllable image generation', 'generative processes', 'Stable Video', 'AnimateDiff', 'NeRF editing', 'image-to-video', 'text-to-audio', 'video generation', 'image generation', 'image synthesis', 'video synthesis',
      'denoiser', 'denoising steps', 'sampling steps', 'noise schedule', 'SDS', 'LDM', 'inpainting', 'image editing', 'video editing', 'personalization', 'subject-driven',
      'novel view synthesis', 'DALL-E', 'Sora', 'generative prior', 'noise prediction', 'U-Net', 'sampler', 'samplers', 'few-step', 'one-step generation', 'single-step'),
    ...w(1, 'FID', 'sampling', 'waveform generation', 'single-view', 'texturing', 'video production', 'noise', 'Gaussian noise', 'photorealistic', 'text prompt', 'text prompts', 'generative model', 'generative models', 'guidance', 'synthesis', 'generation', 'text-conditioned', 'controllable generation', 'customization', 'editing', 'stylization', 'super-resolution', 'motion generation', '3D generation', 'trajectory generation'),
  ],
  exclude: [
    ...w(3, 'diffusion MRI', 'denoising diffusion MRI', 'diffusion MRI denoising', 'diffusion spectrum imaging', 'diffusion spectrum', 'q-space', 'white matter', 'fiber tracking', 'fibre tracking', 'diffusion-weighted images', 'diffusion tensor', 'diffusion-weighted', 'diffusion weighted', 'diffusion imaging', 'diffusion kurtosis', 'diffusion magnetic resonance', 'tractography',
      'reaction-diffusion', 'reaction diffusion', 'advection-diffusion', 'heat diffusion', 'heat equation', 'graph diffusion', 'diffusion on graphs', 'diffusion convolution', 'diffusion convolutional',
      'information diffusion', 'influence diffusion model', 'beats diffusion', 'beat diffusion', 'than diffusion', 'than diffusion models', 'than diffusion-based', 'outperforms diffusion', 'outperform diffusion', 'outperforming diffusion', 'unlike diffusion', 'compared to diffusion', 'compared with diffusion', 'rival diffusion', 'rivals diffusion', 'rivaling diffusion', 'competitive with diffusion', 'instead of diffusion', 'alternative to diffusion', 'surpasses diffusion', 'surpassing diffusion', 'matches diffusion', 'than diffusion transformers', 'online diffusion', 'policy diffusion', 'anomalous diffusion', 'diffusion networks', 'structural virality', 'diffusion of innovations', 'diffusion of innovation', 'innovation diffusion', 'opinion diffusion', 'rumor diffusion', 'influence diffusion', 'social diffusion',
      'anisotropic diffusion', 'diffusion equation', 'diffusion coefficient', 'diffusion maps', 'diffusion map', 'diffusion wavelets', 'diffusion kernel', 'diffusion kernels',
      'molecular diffusion', 'diffusion-limited', 'technology diffusion', 'knowledge diffusion', 'neural diffusion', 'information cascade', 'information cascades', 'cascade prediction', 'cascading failures', 'influence maximization', 'epidemic', 'diffusion on networks', 'label propagation'),
    ...w(3, 'GAN', 'GANs', 'generative adversarial', 'adversarial network', 'adversarial networks', 'StyleGAN', 'CycleGAN'),
    ...w(2, 'variational autoencoder', 'VAE', 'autoregressive', 'normalizing flow', 'normalizing flows', 'image denoising', 'denoising autoencoder', 'denoising autoencoders', 'next-token prediction', 'next-scale prediction', 'masked generative'),
  ],
  anchors: ['diffusion', 'denoising', 'denoiser', 'score-based', 'score model', 'score network', 'annealed Langevin', 'reverse process', 'noise-conditional', 'score matching', 'score distillation', 'DDPM', 'DDIM', 'DiT-based', 'flow matching', 'rectified flow', 'consistency model', 'consistency models', 'latent consistency', 'SDXL', 'ControlNet', 'DreamBooth', 'textual inversion', 'DreamFusion', 'Imagen', 'DALL-E', 'Sora', 'noise schedule', 'stochastic interpolants', 'probability flow', 'U-ViT'],
}

const gnn: TopicRule = {
  id: 'gnn',
  label: 'Graph neural networks and graph representation learning',
  description:
    'Graph neural networks and message passing, graph transformers, node and graph embeddings (DeepWalk, node2vec, random projections), link prediction, temporal and dynamic graph learning, expressiveness and Weisfeiler-Lehman tests, systems for training GNNs.',
  phrases: [
    ...w(5, 'graph neural network', 'graph neural networks', 'GNN'),
    ...w(3, 'GCN', 'GAT', 'MPNN', 'graph convolutional', 'graph convolution', 'graph convolutions', 'message passing', 'message-passing',
      'graph attention', 'graph transformer', 'graph transformers', 'graph representation learning', 'graph representation', 'node classification', 'link prediction', 'node embedding', 'node embeddings',
      'network embedding', 'network embeddings', 'graph embedding', 'graph embeddings', 'node representation', 'node representations', 'DeepWalk', 'node2vec', 'GraphSAGE', 'graph classification',
      'graph pooling', 'graph nets', 'directed acyclic graphs', 'neighbourhood aggregation', 'Weisfeiler-Lehman', 'Weisfeiler Lehman', 'WL test', 'over-smoothing', 'oversmoothing', 'over-squashing', 'graph contrastive', 'knowledge graph embedding', 'knowledge graph embeddings',
      'graph learning', 'diffusion convolution', 'diffusion convolutional', 'graph diffusion', 'metapath', 'metapath2vec', 'heterogeneous graph', 'temporal graph', 'dynamic graph', 'spatio-temporal graph', 'graph structure learning', 'graph networks', 'graph network', 'graph isomorphism network',
      'network representation learning', 'heterogeneous information network', 'graph autoencoder', 'graph auto-encoder', 'spectral networks on graphs', 'graph wavelet neural', 'equivariant message passing',
      'graph-level', 'node-level', 'graphlets', 'graphlet', 'subgraph', 'subgraphs', 'graph generation', 'molecular graph', 'molecular graphs', 'relational graph', 'hypergraph neural', 'knowledge graph completion', 'graph mining', 'graph rewiring', 'anonymous walk', 'anonymous walks', 'dynamic networks embedding', 'heterogeneous text networks', 'multi-relational data', 'multi-relational', 'equivariant graph', 'E(n) equivariant', 'SE(3)-equivariant', 'molecular representation learning', 'molecular property prediction', 'interatomic potentials', 'atomistic', 'simplicial', 'cellular sheaf', 'sheaf neural', 'CW networks', 'geometric deep learning', 'relational inductive biases', 'neural algorithmic', 'neural execution', 'embedding entities', 'entity embeddings', 'relation embeddings', 'knowledge base completion', 'knowledge base embedding', 'Weisfeiler', 'Leman', 'graph foundation model', 'graph foundation models', 'textual graph', 'textual graphs', 'text-attributed graph', 'text-attributed graphs', 'graph learner', 'graph learners', 'attributed network', 'attributed networks', 'attributed graph', 'attributed graphs', 'graph deep learning', 'social recommendation', 'large-scale graphs', 'graph propagation', 'graph reasoning', 'equivariant transformers', 'molecular potentials', 'network representation', 'graph rewiring'),
    ...w(2, 'graph', 'graphs', 'property prediction', 'on graphs', 'WL', 'signed network', 'relational learning', 'algorithmic reasoning', 'interaction networks', 'molecular representations', 'temporal networks', 'invariant networks', 'equivariant networks', 'hypergraph', 'hypergraphs', 'node', 'nodes', 'graph-based', 'graph data', 'graph-structured', 'link', 'edges', 'neighborhood aggregation', 'neighbor sampling', 'random walk', 'random walks',
      'adjacency matrix', 'graph structure', 'knowledge graph', 'knowledge graphs', 'relational', 'molecule', 'molecular property', 'spectral', 'equivariant', 'interatomic', 'point cloud', 'collaborative filtering', 'heterophily', 'homophily', 'traffic forecasting', 'spatio-temporal'),
    ...w(1, 'recommendation', 'adjacency', 'neighbors', 'neighbours', 'embedding', 'embeddings', 'structure', 'relations', 'interaction', 'expressive power', 'expressivity', 'citation', 'social networks'),
  ],
  exclude: [
    ...w(3, 'computation graph', 'computational graph', 'computation graphs', 'computational graphs', 'graph of thoughts', 'dataflow graph', 'graph theory', 'graph coloring', 'graph drawing', 'scene graph generation without',
      'graph compiler', 'graph lowering', 'community detection', 'intermediate representation', 'scene graph', 'scene graphs', 'graph optimization for deep learning', 'graph-based image segmentation', 'similarity graph', 'similarity graphs', 'graph-based segmentation', 'graph-parallel', 'graph computation', 'graph theoretical', 'graph-theoretical', 'nearest neighbor search', 'approximate nearest neighbor', 'small world graphs', 'proximity graph', 'proximity graphs', 'graph processing system', 'graph processing framework', 'graph processing', 'graph analytics', 'graph traversal', 'breadth-first search', 'graph database', 'graph databases', 'graph sparsification', 'graph partitioning', 'shortest path', 'planar graph', 'graph algorithms', 'control flow graph'),
    ...w(1, 'graph search', 'task graph', 'dependency graph', 'call graph', 'graph cut', 'graph cuts', 'factor graph', 'visibility graph', 'link budget', 'wireless link'),
  ],
  anchors: ['neural', 'learning', 'learned', 'learn', 'embedding', 'embeddings', 'representation', 'representations', 'GNN', 'GCN', 'GAT', 'MPNN', 'message passing', 'node2vec', 'DeepWalk', 'training', 'trained', 'prediction'],
}

const moe: TopicRule = {
  id: 'moe',
  label: 'Mixture of experts and expert routing',
  description:
    'Sparse and gated mixture-of-experts layers, token or task routing among experts or adapters, expert parallelism systems, model merging with routing among expert models (MoErging), ensembles of experts behind a learned router.',
  phrases: [
    ...w(5, 'mixture of experts', 'mixture-of-experts', 'mixtures of experts', 'MoE', 'MOE'),
    ...w(3, 'sparse experts', 'sparse expert', 'expert routing', 'expert parallelism', 'expert-parallel', 'expert choice',
      'top-k routing', 'top-k gating', 'token-choice', 'sparsely-gated', 'sparsely gated', 'sparsely activated', 'sparsely-activated', 'switch transformer', 'switch transformers', 'conditional computation',
      'GShard', 'Mixtral', 'MoErging', 'mixture of LoRA', 'LoRA experts', 'mixture of adapters', 'multi-gate', 'MMoE', 'gating network', 'gating networks', 'expert layers', 'expert layer',
      'expert specialization', 'expert models', 'expert model', 'routing among experts', 'load balancing loss', 'auxiliary loss', 'expert capacity', 'expert selection', 'gating function', 'activated experts', 'shared experts', 'routed experts', 'fine-grained experts', 'capacity factor', 'dropped tokens', 'expert merging', 'multi-expert', 'diverse experts', 'sparse feed-forward', 'LoRA fusion',
      'hierarchical mixtures', 'local experts', 'branch-train', 'dynamic routing of experts', 'sparse upcycling', 'upcycling', 'DeepSeekMoE', 'megablocks'),
    ...w(2, 'token routing', 'task routing', 'learned routing', 'mixture of', 'mixtures of', 'router', 'routing', 'routed', 'gating', 'gated', 'expert', 'experts', 'expertise', 'sparse model', 'sparse models', 'conditional', 'trillion parameter', 'trillion parameters', 'activated parameters', 'modular', 'modularity', 'specialized', 'specialist', 'gated neural networks', 'multi-trillion', 'brain scale', 'sparse all-MLP', 'sub-network routing', 'subnetwork routing', 'soft merging of experts', 'expert pruning', 'expert offloading'),
    ...w(1, 'top-k', 'sparsely', 'mixture', 'mixtures', 'sparse', 'merging', 'adapters', 'LoRA', 'scaling', 'multi-task', 'multitask'),
  ],
  exclude: [
    ...w(3, 'packet routing', 'routing protocol', 'routing protocols', 'routing algorithm', 'routing table', 'routing tables', 'Internet routing', 'inter-domain routing', 'interdomain routing', 'BGP', 'source routing', 'segment routing',
      'vehicle routing', 'capsule routing', 'EM routing', 'global router', 'detailed router', 'route LLMs', 'routing LLMs', 'learning to route', 'dynamic routing between capsules', 'capsules', 'global routing', 'detailed routing', 'PCB routing', 'VLSI routing', 'chip routing', 'routing congestion', 'placement and routing', 'place and route',
      'network routing', 'wireless routing', 'routing in networks', 'multipath routing', 'traffic engineering', 'router buffer', 'router buffers', 'LLM routing', 'query routing', 'model routing',
      'mixture of Gaussians', 'Gaussian mixture', 'Gaussian mixtures', 'Dirichlet process', 'Dirichlet processes', 'mixture of Dirichlet', 'crowdsourcing', 'expert crowdsourcing', 'mixture model', 'mixture models', 'mixture density', 'mixture of softmaxes', 'data mixture', 'data mixtures', 'mixture of data', 'mixup',
      'human expert', 'human experts', 'expert annotation', 'expert annotations', 'expert annotators', 'expert annotator', 'domain expert', 'domain experts', 'expert knowledge', 'expert demonstration', 'expert demonstrations',
      'expert-level', 'expert level', 'expert system', 'expert systems', 'expert trajectories', 'expert policy', 'expert policies', 'expert advice', 'expert feedback', 'experts in the loop', 'clinical experts', 'medical experts', 'expert labels',
      'prediction with expert', 'best expert', 'non-experts', 'non-expert', 'learning mixtures of', 'mixtures of two', 'mixtures of linear regressions', 'mixture of regressions', 'volumetric primitives', 'channel gating', 'expert-curated', 'expert-written', 'AI experts', 'laypeople', 'mixture of agents', 'mixture-of-agents', 'Gaussians', 'learning from experts', 'learning to defer', 'defer to an expert', 'imitation', 'product of experts'),
    ...w(1, 'model soups', 'model merging'),
  ],
  anchors: ['expert', 'experts', 'expertise', 'MoE', 'MOE', 'adapters', 'modules', 'mixture of experts', 'MoErging', 'Mixtral', 'GShard', 'switch transformer', 'DeepSeekMoE'],
}

const networking: TopicRule = {
  id: 'networking',
  label: 'Computer and communication networks',
  description:
    'Computer and communication networks: network traffic, protocols, transport (TCP, RDMA, packet spraying), congestion control, datacenter, wireless, mesh and cellular networks, network security and authentication protocols, network measurement, machine learning applied to networking tasks.',
  phrases: [
    ...w(5, 'congestion control', 'TCP', 'QUIC', 'RDMA'),
    ...w(3, 'datacenter network', 'datacenter networks', 'data center network', 'data center networks', 'network traffic', 'packet', 'packets', 'packet loss', 'packet spraying',
      'SDN', 'software-defined networking', 'software-defined network', 'software defined networking', 'programmable switch', 'programmable switches', 'P4', 'network protocol', 'network protocols', 'transport protocol', 'transport protocols',
      'network measurement', 'Internet measurement', 'networking', 'wireless network', 'wireless networks', 'cellular network', 'cellular networks', '5G', '6G', 'LTE', 'Wi-Fi', 'WiFi', 'WLAN', 'mmWave', 'millimeter wave', 'mesh network', 'mesh networks',
      'network security', 'intrusion detection', 'network intrusion', 'DDoS', 'traffic classification', 'encrypted traffic', 'website fingerprinting', 'BGP', 'NIC', 'SmartNIC', 'SmartNICs', 'ethernet', 'InfiniBand', 'RoCE',
      'flow completion time', 'CDN', 'content delivery', 'video streaming', 'adaptive bitrate', 'ABR', 'network function virtualization', 'NFV', 'network verification', 'network telemetry', 'in-network', 'multipath transport', 'MPTCP',
      'network topology', 'datacenter topology', 'fat-tree', 'leaf-spine', 'satellite network', 'satellite networks', 'LEO satellite', 'MIMO', 'beamforming', 'base station', 'base stations', 'IPv6', 'IPv4', 'DNS', 'network stack',
      'kernel bypass', 'DPDK', 'network slicing', 'O-RAN', 'RAN', 'radio access network', 'vehicular network', 'vehicular networks', 'V2X', 'network management', 'network operators', 'ISP', 'ISPs', 'peer-to-peer', 'LoRaWAN', 'LoRa',
      'authentication protocol', 'network configuration', 'traffic engineering', 'network function', 'network functions', 'bandwidth allocation', 'wireless', 'channel state information',
      'middlebox', 'middleboxes', 'network flow', 'flow monitoring', 'network monitoring', 'packet processing', 'network processing', 'LPWAN', 'wide area network', 'wide area networks', 'WAN', 'network fabric', 'SPDY', 'HTTP/2', 'page load', 'RTT', 'round-trip time', 'data plane', 'control plane', 'network modeling', 'network dataplane', 'network anomaly', 'network simulation', 'network simulator', 'link layer', 'MAC protocol', 'edge network', 'mobile networks', 'mobile network', 'cellular networking', 'optical network', 'optical networks', 'network coding', 'routing protocol', 'routing protocols', 'packet scheduling', 'collective communication', 'traceroute', 'backscatter', 'Starlink', 'BitTorrent', 'Domain Name System', 'interdomain', 'inter-domain', 'delay-tolerant', 'content distribution network', 'content distribution', 'communication networks', 'rate control', 'proportional fairness', 'enterprise network', 'enterprise networks', 'virtual switch', 'vSwitch', 'software switch', 'Open vSwitch', 'cellular core', 'network stack', 'Internet ecosystem', 'Internet-scale measurement', 'network outages', 'network failures', 'packet capture', 'IP header', 'network trace', 'network traces', 'CDN caching', 'video quality of experience', 'QoE', 'user engagement with video', 'access network', 'home network', 'home networks', 'broadband', 'network censorship', 'Tor', 'onion routing', 'TLS', 'HTTPS', 'VPN', 'firewall', 'firewalls', 'link-flooding', 'spoofing', 'Wi-Fi sensing', 'RFID', 'visible light communication', 'ambient backscatter', 'full-duplex', 'full duplex', 'spectrum sharing', 'GPU cluster network', 'communication scheduling', 'optical circuit switch', 'optical circuit switches', 'optical switching', 'segment routing', 'network infrastructure', 'ECN', 'DCQCN', 'network policy', 'network policies', 'header space', 'network experiments', 'network emulation', 'priority queues', 'PIFO', 'video telephony', 'RPKI', 'route origin', 'route origins', 'interference alignment', 'interference cancellation', 'approximate measurement', 'KDD Cup 99', 'scavenger transport', 'software router', 'software routers', 'network programming language', 'network programming', 'flow management', 'network update', 'network updates', '802.11', 'distributed coordination function', 'fair queueing', 'fair queuing', 'input-queued', 'input-queued switches', 'dragonfly topology', 'production networks', 'control platform', 'coflow', 'coflows', 'forwarding table', 'forwarding tables', 'flow scheduling', 'Diffie-Hellman', 'forward secrecy', 'flow control', 'semantic communication', 'semantic communications', 'physical layer', 'traffic classifier', 'Border Gateway Protocol', 'router configurations', 'router configuration', 'censorship', 'censorship circumvention', 'Shadowsocks', 'WebRTC', 'videoconferencing', 'video conferencing', 'flow-level', 'space-terrestrial', 'HTTP', 'campus network', 'campus networks', 'network-wide', 'network intruders', 'data center interconnect', 'datacenter interconnect', 'server-centric', 'modular data centers', 'distance vector', 'distance-vector', 'link-state', 'ad hoc networks', 'ad-hoc networks', 'ad hoc network', 'MANET', 'MANETs', 'IXP', 'IXPs', 'Internet exchange', 'peering', 'botnet', 'botnets', 'bufferbloat', '3G', '4G', 'network planning', 'SSL', 'OpenSSL', 'video quality', 'network-aware', 'autonomous systems', 'WPA2', 'WPA3', 'handshake protocol'),
    ...w(2, 'Internet', 'cellular', 'radio', 'radios', 'egress', 'interconnect', 'intruder', 'intruders', 'wireless sensor', 'sensor networks', 'mobile data', 'network systems', 'authentication service', 'overlay network', 'overlay networks', 'distributed hash table', 'gossip', 'untethered', 'traffic', 'routing', 'router', 'switch', 'throughput', 'bandwidth', 'transport', 'protocol', 'protocols', 'load balancing', 'edge computing', 'sensor network', 'sensor networks',
      'bitrate', 'multi-hop', 'end-to-end delay', 'network services', 'streaming', 'telemetry', 'datacenter', 'datacenters', 'data center', 'data centers', 'congestion', 'queueing', 'multipath', 'connectivity', 'coordination service'),
    ...w(1, 'delay', 'dissemination', 'satellite', 'authentication', 'spectrum', 'latency', 'IoT', 'web', 'video', 'topology', 'communication', 'flows', 'buffer', 'links', 'link', 'mobile', 'signal', 'channel', 'attacks', 'malware', 'browser'),
    ...w(0.5, 'network', 'networks', 'devices'),
  ],
  exclude: [
    ...w(3, 'neural network', 'neural networks', 'deep network', 'deep networks', 'convolutional network', 'convolutional networks', 'residual network', 'residual networks', 'backbone network', 'backbone networks',
      'network architecture', 'network architectures', 'network pruning', 'network quantization', 'Bayesian network', 'Bayesian networks', 'social network', 'social networks', 'road network', 'road networks', 'road traffic',
      'traffic sign', 'traffic signs', 'traffic light', 'traffic lights', 'traffic signal', 'traffic signals', 'traffic flow', 'traffic forecasting', 'traffic prediction', 'traffic speed', 'vehicle', 'vehicles', 'transportation', 'transportation network',
      'urban', 'ride-hailing', 'power grid', 'power grids', 'power network', 'power system', 'power systems', 'gene regulatory', 'biological network', 'biological networks', 'protein interaction', 'brain network', 'brain networks',
      'network-attached storage', 'siamese network', 'siamese networks', 'adversarial network', 'adversarial networks', 'graph neural network', 'graph neural networks', 'graph network', 'graph networks', 'network embedding', 'network embeddings',
      'capsule network', 'capsule networks', 'memory network', 'memory networks', 'policy network', 'value network', 'Q-network', 'Q-networks', 'actor network', 'critic network', 'recurrent network', 'recurrent networks', 'feedforward network',
      'expert router', 'expert routers', 'routing networks', 'task routing', 'sub-network routing', 'routing transformer', 'routing transformers', 'route LLMs', 'LLM routing', 'LLM router', 'model routing', 'query routing', 'global router', 'detailed router', 'VLSI', 'random walk', 'random walks', 'relation network', 'excitation networks', 'support-vector networks', 'attention network', 'attention networks', 'network slimming', 'density networks', 'community detection', 'communities', 'protein networks', 'correlation network', 'heterogeneous networks', 'network representation', 'traffic simulation', 'communities', 'network width', 'network depth', 'wide network', 'wide networks', 'network design', 'network training', 'deep neural', 'spiking', 'neuron', 'neurons', 'citation network', 'co-authorship', 'knowledge graph', 'switch transformer', 'switch transformers',
      'expert routing', 'token routing', 'mixture of experts', 'mixture-of-experts', 'MoE', 'video generation', 'video diffusion', 'video understanding', 'video recognition', 'video editing', 'video synthesis', 'web agents', 'web agent', 'web pages',
      'signal processing', 'channel pruning', 'community detection', 'community structure', 'optimal transport', 'maximum flow', 'max-flow', 'min-cost flow', 'network flows theory', 'information diffusion', 'external influence', 'peer effects', 'similarity graphs', 'wireless power transfer', 'power transfer', 'microimplants', 'magnetic resonances', 'code-switched', 'code-switching', 'satellite imagery', 'satellite images', 'satellite image', 'remote sensing', 'route planning', 'LLM inference', 'LLM serving', 'network biology', 'network medicine', 'freeway', 'highway traffic', 'traffic congestion model', 'traffic states', 'congested traffic', 'mixed autonomy', 'traffic planning', 'traffic assignment', 'microscopic simulation', 'network in network', 'electronic cash', 'cryptocurrency', 'cryptocurrencies', 'blockchain', 'tensor processing unit', 'cellular automaton', 'cellular automata', 'cellular biology', 'resource sharing in the data center', 'cluster scheduling', 'cluster manager', 'coordination for Internet-scale systems'),
    ...w(1, 'communication-efficient', 'gradient compression', 'federated learning', 'data parallelism', 'model parallelism', 'pipeline parallelism', 'distributed training', 'language model', 'language models', 'image', 'images', 'attention', 'transformer', 'recommendation'),
  ],
}

/**
 * The default topics: `nas`, `diffusion`, `gnn`, `moe`, `networking`, following the labelling
 * guide. Readonly data: extend by spreading (`[...defaultTopics, myTopic]`).
 */
export const defaultTopics: readonly TopicRule[] = Object.freeze([nas, diffusion, gnn, moe, networking].map((rule) => Object.freeze(rule)))
