using System.Collections.Concurrent;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Reads a supplier payload (the JSON <see cref="SupplierDocuments.Build"/> writes) in one pass,
/// for matching, which reads two hundred of them per query. The generated serializer builds the
/// positional records (concepts, certificates) through a slow constructor path and gives every
/// string its own copy; here the short strings that repeat across suppliers (concept ids, tags,
/// countries, standards) come from a shared pool, so a payload allocates little beyond its facts.
/// Anything it does not know (a property added later, a value of another type) makes it give up,
/// and the caller reads the payload with the generated serializer instead: never a wrong fact.
/// </summary>
public static class SupplierPayloadReader
{
    /// <summary>Strings up to this many characters are pooled; longer ones (summaries, word lists) are rarely shared.</summary>
    private const int PooledLength = 64;

    /// <summary>The pool stops growing here (a few MB), so odd payloads cannot fill memory.</summary>
    private const int PoolCapacity = 100_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    // Lists are filled here and copied out at their exact length: two hundred payloads a query
    // would otherwise grow a list several times per property.
    [ThreadStatic] private static List<string>? _texts;
    [ThreadStatic] private static List<TaggedConcept>? _concepts;
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan = Pool.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _pooled;

    // The record's own defaults, for properties a payload leaves out.
    private static readonly SupplierFacts Defaults = new() { OrganizationId = 0, Name = "", Country = "" };

    /// <summary>The facts, or null when the payload is not in the shape this reader knows.</summary>
    public static SupplierFacts? TryRead(ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8);
        try
        {
            return Read(ref r);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static SupplierFacts? Read(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
        int? id = null;
        string? name = null, country = null;
        var d = Defaults;
        var (sizeBand, verified, summary, capabilities, materials, equipment) = (d.SizeBand, d.Verified, d.Summary, d.Capabilities, d.Materials, d.Equipment);
        var (certifications, capacity, unit, lead, exports, isic, description) = (d.Certifications, d.MonthlyCapacity, d.CapacityUnit, d.LeadTimeDays, d.ExportMarkets, d.IsicCodes, d.Description);
        var (concepts, tagWords, contextWords, backing, readWith, intermediary, period) = (d.Concepts, d.TagWords, d.ContextWords, d.TagBacking, d.ReadWith, d.Intermediary, d.CapacityPeriod);
        var employees = d.EmployeeCount;
        var disclosures = d.Disclosures;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueIsEscaped) return null;
            var p = r.ValueSpan;
            r.Read();
            var bit = Property(p);
            if (bit < 0) return null;
            seen |= 1 << bit;
            var known = bit switch
            {
                0 => Int(ref r, ref id),
                1 => Text(ref r, ref name, pooled: false),
                2 => Text(ref r, ref country, pooled: true),
                3 => NotNull(ref r, ref sizeBand, pooled: true),
                4 => Bool(ref r, ref verified),
                5 => NotNull(ref r, ref summary, pooled: false),
                6 => Texts(ref r, ref capabilities),
                7 => Texts(ref r, ref materials),
                8 => Texts(ref r, ref equipment),
                9 => Certificates(ref r, ref certifications),
                10 => Decimal(ref r, ref capacity),
                11 => Text(ref r, ref unit, pooled: true),
                12 => Int(ref r, ref lead),
                13 => Texts(ref r, ref exports),
                14 => Texts(ref r, ref isic),
                15 => Text(ref r, ref description, pooled: false),
                16 => Concepts(ref r, ref concepts),
                17 => NotNull(ref r, ref tagWords, pooled: false),
                18 => NotNull(ref r, ref contextWords, pooled: false),
                19 => Double(ref r, ref backing),
                20 => Text(ref r, ref readWith, pooled: true),
                21 => Bool(ref r, ref intermediary),
                22 => Period(ref r, ref period),
                24 => Disclosed(ref r, ref disclosures),
                _ => Int(ref r, ref employees),
            };
            if (!known) return null;
        }
        // Every property, as this version writes them: a payload without one is read by the serializer,
        // whose treatment of a missing property (its default, or null) is then the rule.
        if (r.TokenType != JsonTokenType.EndObject || seen != AllProperties || id is null || name is null || country is null) return null;
        return new SupplierFacts
        {
            OrganizationId = id.Value, Name = name, Country = country, SizeBand = sizeBand, Verified = verified, Summary = summary,
            Capabilities = capabilities, Materials = materials, Equipment = equipment, Certifications = certifications,
            MonthlyCapacity = capacity, CapacityUnit = unit, LeadTimeDays = lead, ExportMarkets = exports, IsicCodes = isic,
            Description = description, Concepts = concepts, TagWords = tagWords, ContextWords = contextWords, TagBacking = backing, ReadWith = readWith,
            Intermediary = intermediary, CapacityPeriod = period, EmployeeCount = employees, Disclosures = disclosures,
        };
    }

    private const int AllProperties = (1 << 25) - 1;

    /// <summary>The property's number (its place in <see cref="SupplierFacts"/>), or -1 for one this reader does not know.</summary>
    private static int Property(ReadOnlySpan<byte> p) =>
        p.SequenceEqual("organizationId"u8) ? 0 : p.SequenceEqual("name"u8) ? 1 : p.SequenceEqual("country"u8) ? 2
        : p.SequenceEqual("sizeBand"u8) ? 3 : p.SequenceEqual("verified"u8) ? 4 : p.SequenceEqual("summary"u8) ? 5
        : p.SequenceEqual("capabilities"u8) ? 6 : p.SequenceEqual("materials"u8) ? 7 : p.SequenceEqual("equipment"u8) ? 8
        : p.SequenceEqual("certifications"u8) ? 9 : p.SequenceEqual("monthlyCapacity"u8) ? 10 : p.SequenceEqual("capacityUnit"u8) ? 11
        : p.SequenceEqual("leadTimeDays"u8) ? 12 : p.SequenceEqual("exportMarkets"u8) ? 13 : p.SequenceEqual("isicCodes"u8) ? 14
        : p.SequenceEqual("description"u8) ? 15 : p.SequenceEqual("concepts"u8) ? 16 : p.SequenceEqual("tagWords"u8) ? 17
        : p.SequenceEqual("contextWords"u8) ? 18 : p.SequenceEqual("tagBacking"u8) ? 19 : p.SequenceEqual("readWith"u8) ? 20
        : p.SequenceEqual("intermediary"u8) ? 21 : p.SequenceEqual("capacityPeriod"u8) ? 22
        : p.SequenceEqual("employeeCount"u8) ? 23 : p.SequenceEqual("disclosures"u8) ? 24 : -1;

    private static bool Int(ref Utf8JsonReader r, ref int? value)
    {
        if (r.TokenType == JsonTokenType.Null) { value = null; return true; }
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var v)) return false;
        value = v;
        return true;
    }

    private static bool Decimal(ref Utf8JsonReader r, ref decimal? value)
    {
        if (r.TokenType == JsonTokenType.Null) { value = null; return true; }
        if (r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var v)) return false;
        value = v;
        return true;
    }

    private static bool Double(ref Utf8JsonReader r, ref double value) =>
        r.TokenType == JsonTokenType.Number && r.TryGetDouble(out value);

    private static bool Bool(ref Utf8JsonReader r, ref bool value)
    {
        if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return false;
        value = r.TokenType == JsonTokenType.True;
        return true;
    }

    private static bool Text(ref Utf8JsonReader r, ref string? value, bool pooled)
    {
        if (r.TokenType == JsonTokenType.Null) { value = null; return true; }
        if (r.TokenType != JsonTokenType.String) return false;
        value = pooled ? Pooled(ref r) : r.GetString();
        return true;
    }

    /// <summary>A property the record declares non-nullable: an explicit null is a shape this reader does not take.</summary>
    private static bool NotNull(ref Utf8JsonReader r, ref string value, bool pooled)
    {
        if (r.TokenType != JsonTokenType.String) return false;
        value = pooled ? Pooled(ref r) : r.GetString()!;
        return true;
    }

    private static bool Texts(ref Utf8JsonReader r, ref IReadOnlyList<string> value)
    {
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = _texts ??= new List<string>(32);
        list.Clear();
        while (r.Read() && r.TokenType == JsonTokenType.String) list.Add(Pooled(ref r));
        if (r.TokenType != JsonTokenType.EndArray) return false;
        value = list.Count == 0 ? [] : list.ToArray();
        return true;
    }

    /// <summary>Disclosures: rare and short, so read into a fresh list.</summary>
    private static bool Disclosed(ref Utf8JsonReader r, ref IReadOnlyList<GvcMatch.Matching.Disclosures.DisclosedFact> value)
    {
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = new List<GvcMatch.Matching.Disclosures.DisclosedFact>();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            int? topic = null, year = null, evidence = null;
            decimal? measure = null;
            var document = false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueIsEscaped) return false;
                var p = r.ValueSpan;
                r.Read();
                var known = p.SequenceEqual("topic"u8) ? Int(ref r, ref topic)
                    : p.SequenceEqual("year"u8) ? Int(ref r, ref year)
                    : p.SequenceEqual("evidence"u8) ? Int(ref r, ref evidence)
                    : p.SequenceEqual("documentAttached"u8) ? Bool(ref r, ref document)
                    : p.SequenceEqual("measure"u8) && Decimal(ref r, ref measure);
                if (!known) return false;
            }
            if (r.TokenType != JsonTokenType.EndObject || topic is null || year is null || evidence is null) return false;
            list.Add(new((GvcMatch.Matching.Disclosures.DisclosureTopic)topic.Value, year.Value, (EvidenceLevel)evidence.Value, document, measure));
        }
        if (r.TokenType != JsonTokenType.EndArray) return false;
        value = list.Count == 0 ? [] : list;
        return true;
    }

    private static bool Concepts(ref Utf8JsonReader r, ref IReadOnlyList<TaggedConcept> value)
    {
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = _concepts ??= new List<TaggedConcept>(64);
        list.Clear();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            string? id = null, text = null, from = null;
            var (supported, stuffed, sold) = (false, false, false);
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueIsEscaped) return false;
                var p = r.ValueSpan;
                r.Read();
                var known = p.SequenceEqual("id"u8) ? Text(ref r, ref id, pooled: true)
                    : p.SequenceEqual("text"u8) ? Text(ref r, ref text, pooled: true)
                    : p.SequenceEqual("from"u8) ? Text(ref r, ref from, pooled: true)
                    : p.SequenceEqual("supported"u8) ? Bool(ref r, ref supported)
                    : p.SequenceEqual("stuffed"u8) ? Bool(ref r, ref stuffed)
                    : p.SequenceEqual("sold"u8) && Bool(ref r, ref sold);
                if (!known) return false;
            }
            if (r.TokenType != JsonTokenType.EndObject || id is null || text is null || from is null) return false;
            list.Add(SharedConcepts.Get(id, text, from, supported, stuffed, sold));
        }
        if (r.TokenType != JsonTokenType.EndArray) return false;
        value = list.Count == 0 ? [] : list.ToArray();
        return true;
    }

    /// <summary>A capacity period as the payload's serializer writes it: its number.</summary>
    private static bool Period(ref Utf8JsonReader r, ref CapacityPeriod value)
    {
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var n) || !Enum.IsDefined((CapacityPeriod)n)) return false;
        value = (CapacityPeriod)n;
        return true;
    }

    /// <summary>An evidence level as the payload's serializer writes it: its number, or null.</summary>
    private static bool Evidence(ref Utf8JsonReader r, ref EvidenceLevel? value)
    {
        if (r.TokenType == JsonTokenType.Null) { value = null; return true; }
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var n) || !Enum.IsDefined((EvidenceLevel)n)) return false;
        value = (EvidenceLevel)n;
        return true;
    }

    private static bool Certificates(ref Utf8JsonReader r, ref IReadOnlyList<HeldCertificate> value)
    {
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var list = new List<HeldCertificate>();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            string? standard = null, heldBy = null, scope = null, groupOf = null;
            DateOnly? until = null, from = null;
            EvidenceLevel? evidence = null;
            var verified = false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueIsEscaped) return false;
                var p = r.ValueSpan;
                r.Read();
                var known = p.SequenceEqual("standard"u8) ? Text(ref r, ref standard, pooled: true)
                    : p.SequenceEqual("validUntil"u8) ? Date(ref r, ref until)
                    : p.SequenceEqual("verified"u8) ? Bool(ref r, ref verified)
                    : p.SequenceEqual("heldBy"u8) ? Text(ref r, ref heldBy, pooled: true)
                    : p.SequenceEqual("scope"u8) ? Text(ref r, ref scope, pooled: true)
                    : p.SequenceEqual("validFrom"u8) ? Date(ref r, ref from)
                    : p.SequenceEqual("groupOf"u8) ? Text(ref r, ref groupOf, pooled: true)
                    : p.SequenceEqual("evidence"u8) && Evidence(ref r, ref evidence);
                if (!known) return false;
            }
            if (r.TokenType != JsonTokenType.EndObject || standard is null) return false;
            list.Add(new HeldCertificate(standard, until, verified, heldBy) { Scope = scope, ValidFrom = from, Evidence = evidence, GroupOf = groupOf });
        }
        if (r.TokenType != JsonTokenType.EndArray) return false;
        value = list;
        return true;
    }

    /// <summary>"yyyy-MM-dd", as the serializer writes a <see cref="DateOnly"/>.</summary>
    private static bool Date(ref Utf8JsonReader r, ref DateOnly? value)
    {
        if (r.TokenType == JsonTokenType.Null) { value = null; return true; }
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped) return false;
        var s = r.ValueSpan;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static string Pooled(ref Utf8JsonReader r)
    {
        // Unescaped, a string has at most as many characters as its JSON has bytes.
        if (r.HasValueSequence || r.ValueSpan.Length > PooledLength) return r.GetString()!;
        Span<char> buffer = stackalloc char[PooledLength];
        var chars = buffer[..r.CopyString(buffer)];
        if (PoolBySpan.TryGetValue(chars, out var pooled)) return pooled;
        var text = new string(chars);
        if (Volatile.Read(ref _pooled) < PoolCapacity && Pool.TryAdd(text, text)) Interlocked.Increment(ref _pooled);
        return text;
    }
}
