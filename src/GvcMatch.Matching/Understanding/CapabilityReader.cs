namespace GvcMatch.Matching.Understanding;

/// <summary>
/// How well a supplier offers one keyword, whether that counts as offering it, and why:
/// <paramref name="Plain"/> fits name only the keyword (the supplier uses the buyer's own words);
/// the others name the pair that earned the credit.
/// </summary>
public readonly record struct KeywordFit(double Score, bool Met, string Explanation, bool Plain = false);

/// <summary>
/// A capability criterion's keywords prepared once per requirement: their analysed words, the
/// concepts they name and their vectors. <see cref="Assess"/> then weighs a supplier by three
/// signals and keeps the best: the same concept (or a narrower one) in the vocabulary, the same
/// words in the same order, and a near phrase by sentence similarity.
/// </summary>
public sealed class CapabilityReader
{
    /// <summary>
    /// Cosine at which two phrases count as the same capability. Calibrated on labelled pairs with
    /// all-MiniLM-L6-v2 (SimilarityThresholdTests): distinct processes reach 0.63 ("laser cutting",
    /// "plasma cutting"), so only near-identical wording passes; the vocabulary does the exact work.
    /// </summary>
    public const double SimilarityMet = 0.80;

    /// <summary>Cosine below which a phrase earns nothing (unrelated pairs sit near 0.3); between the two, credit rises linearly.</summary>
    public const double SimilarityFloor = 0.50;

    /// <summary>What a capability earns when nothing else in the profile backs the tag.</summary>
    public const double Unsupported = 0.5;

    /// <summary>
    /// What a tag earns when it looks stuffed (<see cref="TaggedConcept.Stuffed"/>): a list of
    /// popular process names beside a summary about something else is not a stray tag. Below the
    /// relevance floor of the match list, so a stuffed list alone never makes a match.
    /// </summary>
    public const double Stuffed = 0.2;

    private double Credit(TaggedConcept c) => IsSold(c) ? Stuffed : c.Supported ? 1 : c.Stuffed ? Stuffed : Unsupported;

    /// <summary>An intermediary's product or process counts as sold unless the buyer is looking for an intermediary.</summary>
    private bool IsSold(TaggedConcept c) => c.Sold && !_context.SeeksIntermediary;

    private readonly Probe[] _probes;
    private readonly MatchContext _context;

    public CapabilityReader(IReadOnlyList<string> keywords, MatchContext context)
    {
        _context = context;
        _probes = keywords.Select(k => new Probe(k, context)).ToArray();
        Keywords = keywords;
    }

    public IReadOnlyList<string> Keywords { get; }

    /// <summary>The concept ids the keywords name, with everything narrower (what retrieval looks for).</summary>
    public IEnumerable<string> SoughtConcepts => _probes.SelectMany(p => p.Targets)
        .SelectMany(t => _context.Vocabulary.DescendantsOf(t.Id).Prepend(t.Id)).Distinct();

    /// <summary>
    /// One fit per keyword, in order. The facts must have been read (<see cref="ProfileReading.Ensure"/>).
    /// Without <paramref name="explain"/> the scores are the same and the explanations empty: matching
    /// ranks hundreds of candidates and explains only the page it returns.
    /// </summary>
    public KeywordFit[] Assess(SupplierFacts s, bool explain = true)
    {
        var fits = new KeywordFit[_probes.Length];
        float[]?[]? vectors = null;
        for (var i = 0; i < _probes.Length; i++)
        {
            var p = _probes[i];
            var (best, backed, stuffed) = ByConcept(p, s, explain);
            var related = best.Score > 0;
            var words = ByWords(p, s, backed, stuffed, explain);
            // Offering beats not offering; between two of a kind, the higher credit wins.
            if (Better(words, best)) best = words;
            // Similarity fills the vocabulary's gaps; it never overrules a relation the vocabulary knows
            // ("CNC machining" is broader than "CNC milling", however near the two phrases sound).
            if (p.Vector is not null && _context.Phrases is { } phrases && !best.Met && !related)
            {
                vectors ??= s.Capabilities.Concat(s.Materials).Select(phrases.Find).ToArray();
                var near = BySimilarity(p, s, vectors, explain);
                if (Better(near, best)) best = near;
            }
            fits[i] = best.Score > 0 ? best : new KeywordFit(0, false, p.Text);
        }
        return WithoutTradeAlone(fits);
    }

    /// <summary>
    /// A keyword that names a kind of company ("industrial distribution" beside "connectors") is
    /// met only together with what the company should trade: a distributor of bearings is no
    /// distributor of connectors. When none of the other keywords earns anything, it earns nothing.
    /// </summary>
    private KeywordFit[] WithoutTradeAlone(KeywordFit[] fits)
    {
        var goods = 0;
        for (var i = 0; i < fits.Length; i++)
        {
            if (_probes[i].NamesTrade) continue;
            if (fits[i].Score > 0) return fits;
            goods++;
        }
        if (goods == 0) return fits;
        var others = Say.List(_probes.Where(p => !p.NamesTrade).Select(p => p.Text));
        for (var i = 0; i < fits.Length; i++)
        {
            if (_probes[i].NamesTrade && fits[i].Score > 0) fits[i] = new KeywordFit(0, false, Say.Format("{0} (not of {1})", _probes[i].Text, others));
        }
        return fits;
    }

    private static bool Better(KeywordFit candidate, KeywordFit best) =>
        candidate.Met != best.Met ? candidate.Met : candidate.Score > best.Score;

    /// <summary>
    /// The concept signal, and for the tags that count as offering each sought concept (the
    /// concept itself or a narrower one) whether all are backed and whether any looks stuffed.
    /// </summary>
    private (KeywordFit Fit, bool Backed, bool Stuffed) ByConcept(Probe p, SupplierFacts s, bool explain)
    {
        if (p.Targets.Length == 0) return (default, true, false);
        var total = 0.0;
        var (met, backed, stuffed) = (true, true, false);
        var parts = explain ? new List<string>(p.Targets.Length) : null;
        foreach (var target in p.Targets)
        {
            var (credit, relation, found) = (0.0, Relation.Related, (TaggedConcept?)null);
            var (offered, offeredBy) = (0.0, (TaggedConcept?)null);
            foreach (var c in s.Concepts)
            {
                if (!target.TryCredit(c.Id, out var raw, out var rel)) continue;
                var earned = raw * Credit(c);
                if (earned > credit) (credit, relation, found) = (earned, rel, c);
                if (rel is Relation.Same or Relation.Narrower && (offeredBy is null || earned > offered)) (offered, offeredBy) = (earned, c);
            }
            total += credit;
            met &= offeredBy is not null;
            backed &= offeredBy is { Supported: true } && !IsSold(offeredBy);
            stuffed |= offeredBy is { Stuffed: true } || (offeredBy is not null && IsSold(offeredBy));
            // The pair that offers the concept explains it, even when a neighbouring concept earned more.
            if (parts is null) continue;
            if (offeredBy is not null) parts.Add(Explain(offeredBy, target, RelationOf(target, offeredBy)));
            else if (found is not null) parts.Add(Explain(found, target, relation));
        }
        if (parts is null) return (new KeywordFit(Math.Round(total / p.Targets.Length, 4), met, ""), met && backed, stuffed);
        var plain = parts.Count == 1 && parts[0] == Offers(p.Targets[0].Label, "") && string.Equals(p.Targets[0].Label, p.Text, StringComparison.OrdinalIgnoreCase);
        var fit = new KeywordFit(Math.Round(total / p.Targets.Length, 4), met, plain ? p.Text : Say.List(parts), plain);
        return (fit, met && backed, stuffed);
    }

    private static Relation RelationOf(ConceptTarget target, TaggedConcept c) => target.TryCredit(c.Id, out _, out var rel) ? rel : Relation.Related;

    private string Explain(TaggedConcept found, ConceptTarget target, Relation relation)
    {
        var said = Quote(found.Text);
        var tail = IsSold(found) ? Say.Text(" (sold or represented, not made)") : found.Supported ? "" : Say.Text(" (listed only as a tag)");
        var same = string.Equals(found.Text, target.Label, StringComparison.OrdinalIgnoreCase);
        return relation switch
        {
            Relation.Same when same => Offers(target.Label, tail),
            Relation.Same => Say.Format("{0} = {1} (vocabulary){2}", said, target.Label, tail),
            Relation.Narrower => Say.Format("{0} is a kind of {1}{2}", said, target.Label, tail),
            Relation.Broader => Say.Format("{0} is broader than {1}{2}", said, target.Label, tail),
            _ => Say.Format("{0} is close to {1}{2}", said, target.Label, tail),
        };
    }

    private static string Offers(string label, string tail) => Say.Format("offers {0}{1}", label, tail);

    /// <summary>Japanese and Chinese text is quoted with corner brackets, the rest with single quotes.</summary>
    internal static string Quote(string text) => LabelIndex.HasCjk(text) ? $"「{text}」" : $"'{text}'";

    private KeywordFit ByWords(Probe p, SupplierFacts s, bool backed, bool stuffed, bool explain)
    {
        if (p.Phrase.Length == 0) return default;
        // An intermediary's own words name what it sells; the services it delivers itself earn their credit through their concepts.
        var sells = s.Intermediary && !_context.SeeksIntermediary;
        if (s.ContextWords.Contains(p.Phrase, StringComparison.Ordinal))
            return sells ? new KeywordFit(Stuffed, true, explain ? Say.Format("sells {0}", p.Text) : "") : new KeywordFit(1, true, p.Text, Plain: true);
        if (s.TagWords.Contains(p.Phrase, StringComparison.Ordinal))
        {
            // The tag is as backed as the concept it names; a keyword the vocabulary does not know is judged by the list it stands in.
            if (p.Targets.Length == 0) (backed, stuffed) = (!ProfileReading.IsStuffedList(s) && !sells, ProfileReading.IsStuffedList(s) || sells);
            return backed ? new KeywordFit(1, true, p.Text, Plain: true)
                : new KeywordFit(stuffed ? Stuffed : Unsupported, true, explain ? Say.Format("offers {0}{1}", p.Text, Say.Text(" (listed only as a tag)")) : "");
        }
        var present = 0;
        foreach (var w in p.SpacedStems)
        {
            if (s.ContextWords.Contains(w, StringComparison.Ordinal) || s.TagWords.Contains(w, StringComparison.Ordinal)) present++;
        }
        if (present == 0) return default;
        if (present == p.Stems.Length && p.Targets.Length == 0)
        {
            // Every word, though not side by side ("machined" in one tag, "aluminium" in another): for a
            // keyword the vocabulary does not know, that is the best evidence words can give.
            return new KeywordFit(1, true, p.Text, Plain: true);
        }
        // Some of the words is a hint, not an offer: "machines" does not make a CNC machining shop.
        return new KeywordFit(Math.Round(0.5 * present / p.Stems.Length, 4), false, explain ? Say.Format("some words of {0}", p.Text) : "");
    }

    private KeywordFit BySimilarity(Probe p, SupplierFacts s, float[]?[] vectors, bool explain)
    {
        var (best, at) = (0.0, -1);
        for (var i = 0; i < vectors.Length; i++)
        {
            if (vectors[i] is not { } v || v.Length != p.Vector!.Length) continue;
            var cosine = System.Numerics.Tensors.TensorPrimitives.Dot<float>(v, p.Vector);
            if (cosine > best) (best, at) = (cosine, i);
        }
        if (at < 0 || best < SimilarityFloor) return default;
        var credit = Math.Min(1, (best - SimilarityFloor) / (SimilarityMet - SimilarityFloor));
        // A phrase near the keyword in an intermediary's list is still something it sells.
        var sold = s.Intermediary && !_context.SeeksIntermediary;
        if (!explain) return new KeywordFit(Math.Round(sold ? credit * Stuffed : credit, 4), best >= SimilarityMet, "");
        var phrase = at < s.Capabilities.Count ? s.Capabilities[at] : s.Materials[at - s.Capabilities.Count];
        if (sold)
            return new KeywordFit(Math.Round(credit * Stuffed, 4), best >= SimilarityMet, Say.Format("{0} ≈ '{1}' ({2:0.00}, sold or represented, not made)", Quote(phrase), p.Text, best));
        return new KeywordFit(Math.Round(credit, 4), best >= SimilarityMet, Say.Format("{0} ≈ '{1}' ({2:0.00})", Quote(phrase), p.Text, best));
    }

    private sealed class Probe
    {
        public Probe(string text, MatchContext context)
        {
            Text = text;
            var stems = Words.Stems(text);
            Phrase = ProfileReading.Phrase(stems);
            Stems = stems.Distinct(StringComparer.Ordinal).ToArray();
            SpacedStems = Stems.Select(w => " " + w + " ").ToArray();
            Targets = context.Vocabulary.Tag(text).Select(m => m.ConceptId).Distinct(StringComparer.Ordinal)
                .Select(id => new ConceptTarget(context.Vocabulary, id)).ToArray();
            Vector = context.Phrases?.Find(text);
            NamesTrade = Targets.Length > 0 && Targets.All(t => IsTrade(context.Vocabulary, t.Id));
        }

        private static bool IsTrade(CapabilityVocabulary v, string id) =>
            v.Find(id)?.Intermediary == true || v.AncestorsOf(id).Any(a => v.Find(a)?.Intermediary == true);

        /// <summary>The keyword names a kind of company (a distributor, a sourcing agent), not a capability.</summary>
        public bool NamesTrade { get; }

        public string Text { get; }
        public string Phrase { get; }
        public string[] Stems { get; }

        /// <summary>" stem " for each stem: a whole-word search in the joined words, made once rather than per candidate.</summary>
        public string[] SpacedStems { get; }
        public ConceptTarget[] Targets { get; }
        public float[]? Vector { get; }
    }
}
