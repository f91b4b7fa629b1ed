using System.Text;

namespace GvcMatch.Matching.Understanding;

/// <summary>
/// Reads a supplier profile once, when it is written: tags its text with vocabulary concepts,
/// decides which tags the rest of the profile supports, and keeps its analysed words. The result
/// travels with the facts (in the search payload), so matching hundreds of candidates reads no text.
/// </summary>
public static class ProfileReading
{
    /// <summary>A capability list at least this long, of which less than <see cref="StuffedBacking"/> is backed, is a stuffed list.</summary>
    public const int StuffedListLength = 4;

    public const double StuffedBacking = 0.3;

    /// <summary>A capability list spread over at least this many sectors may hold stuffed tags from sectors the profile is not about.</summary>
    public const int SpreadSectors = 3;

    /// <summary>
    /// A capability list over at least this many sectors is a catalogue, not a description (the
    /// most diversified honest SMEs of the labelled set reach five).
    /// </summary>
    public const int CatchAllSectors = 8;

    /// <summary>
    /// The version of these reading rules and of the analysis chain (<see cref="Words"/>). Raise it
    /// whenever either changes what a profile reads as: facts read before are then read again, and
    /// the search index is rebuilt at the next start (its fingerprint includes it).
    /// </summary>
    public const int RulesVersion = 2;

    /// <summary>What facts read now record as <see cref="SupplierFacts.ReadWith"/>: the vocabulary and the rules.</summary>
    public static string Understanding(CapabilityVocabulary vocabulary) => $"{vocabulary.Version}.r{RulesVersion}";

    public static SupplierFacts Read(SupplierFacts facts, CapabilityVocabulary vocabulary)
    {
        var description = facts.Description;
        var concepts = new List<TaggedConcept>();
        var context = new List<(string Id, string Text, string From)>();
        Collect(vocabulary, [facts.Summary], "summary", context);
        Collect(vocabulary, description is null ? [] : [description], "description", context);
        Collect(vocabulary, facts.Equipment, "equipment", context);
        var tags = new List<(string Id, string Text, string From)>();
        Collect(vocabulary, facts.Capabilities, "capability", tags);
        Collect(vocabulary, facts.Materials, "material", tags);

        var contextWords = Joined([facts.Summary, description ?? "", .. facts.Equipment]);
        var backed = new HashSet<string>(context.Select(c => c.Id), StringComparer.Ordinal);
        // A sector named in the summary ("aerospace", "packaging") backs no particular process under it.
        var backedBelow = backed.Where(id => vocabulary.Find(id)?.Kind != "sector").ToHashSet(StringComparer.Ordinal);
        // A list over many sectors is a catalogue of everything: only the profile's own words back its
        // tags, since one activity code would otherwise vouch for a whole sector of them.
        var catchAll = tags.Where(t => t.From == "capability").Select(t => vocabulary.Find(t.Id)?.Sector).Distinct().Count() >= CatchAllSectors;
        IReadOnlyList<string> codes = catchAll ? [] : facts.IsicCodes;
        foreach (var (id, text, from) in tags)
            concepts.Add(new TaggedConcept(id, text, from, IsSupported(vocabulary, id, text, backed, backedBelow, codes, contextWords)));
        // Backing is judged on the capabilities: summaries rarely repeat the materials, and an honest
        // list of processes makes its materials believable.
        var capabilities = concepts.Where(c => c.From == "capability").ToList();
        var backing = capabilities.Count == 0 ? 1 : Math.Round(capabilities.Count(c => c.Supported) / (double)capabilities.Count, 4);
        // The sectors the profile is evidently about; a terse profile that names none gives no evidence of stuffing.
        var sectors = context.Select(c => c.Id).Concat(concepts.Where(c => c.Supported).Select(c => c.Id))
            .Select(id => vocabulary.Find(id)?.Sector).OfType<string>().ToHashSet();
        var longUnbackedList = IsStuffedList(facts.Capabilities.Count, backing);
        // A foreign sector says "stuffed" only in a long list spread over several sectors: an SME that
        // moulds and machines, with a one-line summary, is diversified, not stuffing.
        var spread = facts.Capabilities.Count >= StuffedListLength
            && capabilities.Select(c => vocabulary.Find(c.Id)?.Sector).Distinct().Count() >= SpreadSectors;
        for (var i = 0; i < concepts.Count; i++)
        {
            var c = concepts[i];
            if (c.Supported) continue;
            if (c.From == "material")
            {
                // Materials of an honest list of processes are believable; of a stuffed one, not.
                concepts[i] = backing >= 0.5 ? c with { Supported = true } : c with { Stuffed = longUnbackedList || catchAll };
                continue;
            }
            var foreign = spread && sectors.Count > 0 && vocabulary.Find(c.Id)?.Sector is { } sector && !sectors.Contains(sector);
            concepts[i] = c with { Stuffed = longUnbackedList || foreign || catchAll };
        }
        concepts.AddRange(context.Select(c => new TaggedConcept(c.Id, c.Text, c.From, true)));
        // An intermediary's products and processes are what it sells, not what it does.
        var own = CompanyRole.OwnServices(vocabulary, context.Select(c => (c.Id, c.From)));
        if (own is not null)
        {
            for (var i = 0; i < concepts.Count; i++)
                if (!own.Contains(concepts[i].Id)) concepts[i] = concepts[i] with { Sold = true };
        }

        return facts with
        {
            Concepts = concepts.DistinctBy(c => (c.Id, c.From)).ToList(),
            TagWords = Joined([.. facts.Capabilities, .. facts.Materials]),
            ContextWords = contextWords,
            ReadWith = Understanding(vocabulary),
            TagBacking = backing,
            Intermediary = own is not null,
        };
    }

    /// <summary>A long capability list most of which nothing else in the profile backs.</summary>
    public static bool IsStuffedList(SupplierFacts read) => IsStuffedList(read.Capabilities.Count, read.TagBacking);

    private static bool IsStuffedList(int capabilities, double backing) => capabilities >= StuffedListLength && backing < StuffedBacking;

    /// <summary>The facts as the scorer needs them: read now when they were not, or read with another vocabulary.</summary>
    /// <remarks>Payloads carry facts already read, without the description; read again after a vocabulary change they lose it until the next reindex.</remarks>
    public static SupplierFacts Ensure(SupplierFacts facts, CapabilityVocabulary vocabulary) =>
        facts.ReadWith == Understanding(vocabulary) && (facts.TagWords.Length > 0 || facts.ContextWords.Length > 0) ? facts : Read(facts, vocabulary);

    private static void Collect(CapabilityVocabulary vocabulary, IEnumerable<string> texts, string from, List<(string, string, string)> into)
    {
        foreach (var text in texts)
        {
            foreach (var m in vocabulary.Tag(text)) into.Add((m.ConceptId, m.Surface, from));
        }
    }

    /// <summary>
    /// A tag is backed when the summary, description or equipment name it, a broader or a
    /// narrower concept (not merely one beside it: a distributor of connectors does not crimp),
    /// when an activity code of the profile is one the concept belongs to, or when its own words
    /// occur in that context.
    /// </summary>
    private static bool IsSupported(
        CapabilityVocabulary v, string id, string text, HashSet<string> backed, HashSet<string> backedBelow, IReadOnlyList<string> isic, string contextWords)
    {
        if (backed.Contains(id)) return true;
        var up = v.AncestorsOf(id);
        if (backedBelow.Overlaps(up) || backed.Overlaps(v.DescendantsOf(id))) return true;
        if (isic.Count > 0 && new[] { id }.Concat(up).Select(v.Find).Any(c => c is not null && c.Isic.Intersect(isic).Any())) return true;
        var phrase = Phrase(Words.Stems(text));
        return phrase.Length > 2 && contextWords.Contains(phrase, StringComparison.Ordinal);
    }

    /// <summary>" a b | c | " : each text's stems, texts apart, so no phrase spans two of them.</summary>
    public static string Joined(IEnumerable<string> texts)
    {
        var sb = new StringBuilder(" ");
        foreach (var text in texts)
        {
            var stems = Words.Stems(text);
            if (stems.Length == 0) continue;
            foreach (var s in stems) sb.Append(s).Append(' ');
            sb.Append("| ");
        }
        return sb.ToString();
    }

    /// <summary>" a b " : stems ready for a whole-word search in <see cref="Joined"/> text.</summary>
    public static string Phrase(IReadOnlyList<string> stems) => stems.Count == 0 ? "" : " " + string.Join(' ', stems) + " ";
}
