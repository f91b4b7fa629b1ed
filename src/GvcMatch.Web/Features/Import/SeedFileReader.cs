using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GvcMatch.Web.Features.Import;

/// <summary>The rows of one seeds file, and what could not be read from it.</summary>
public sealed class SeedFile(string name)
{
    public string Name { get; } = name;

    /// <summary>The folder the file was read from (null for an upload): certificate documents are read relative to it.</summary>
    public string? Folder { get; set; }
    public List<SeedRow<OrganizationRow>> Organizations { get; } = [];
    public List<SeedRow<IpListingRow>> IpListings { get; } = [];
    public List<SeedRow<RequirementRow>> Requirements { get; } = [];
    public List<SeedRow<UserRow>> Users { get; } = [];

    /// <summary>Elements that could not be deserialised, and unknown top-level properties.</summary>
    public List<ImportError> Errors { get; } = [];

    /// <summary>How many elements of each array could not be deserialised.</summary>
    public Dictionary<string, int> Malformed { get; } = [];

    /// <summary>Set when the file is not valid JSON of the expected shape; then no rows are kept.</summary>
    public ImportError? FileError { get; set; }

    public int RowCount => Organizations.Count + IpListings.Count + Requirements.Count + Users.Count;

    /// <summary>
    /// When set, every date in the file is written as of this day and is moved forward by the days
    /// since then at import. Demo data uses it so that its deadlines stay in the future and its
    /// expired certificates stay expired, whenever it is loaded.
    /// </summary>
    public DateOnly? DatesRelativeTo { get; set; }

    /// <summary>Moves every date of every row by <paramref name="days"/>.</summary>
    public void ShiftDates(int days)
    {
        if (days == 0) return;
        DateOnly? Move(DateOnly? d) => d?.AddDays(days);
        for (var i = 0; i < Organizations.Count; i++)
        {
            var row = Organizations[i];
            if (row.Value.Profile is not { } p) continue;
            var profile = p with
            {
                RenewalDue = Move(p.RenewalDue),
                Certifications = p.Certifications?.Select(c => c is null ? c! : c with { ValidUntil = Move(c.ValidUntil), ValidFrom = Move(c.ValidFrom) }).ToList(),
            };
            Organizations[i] = row with { Value = row.Value with { Profile = profile } };
        }
        for (var i = 0; i < Requirements.Count; i++)
        {
            var row = Requirements[i];
            Requirements[i] = row with { Value = row.Value with { ResponseDeadline = Move(row.Value.ResponseDeadline), ContractStart = Move(row.Value.ContractStart) } };
        }
    }
}

/// <summary>
/// Reads a seeds file token by token so that every array element is deserialised on its own: a
/// malformed element is reported with the line it starts on, and its neighbours still load.
/// </summary>
public static partial class SeedFileReader
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        // A misspelt field would otherwise be dropped without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static readonly string[] ArrayNames = ["organizations", "ipListings", "requirements", "users"];

    public const string DatesRelativeToProperty = "datesRelativeTo";

    public static SeedFile Read(string name, ReadOnlySpan<byte> utf8)
    {
        var file = new SeedFile(name);
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(file, reader.TokenType == JsonTokenType.None ? 1 : lines.LineOf(reader.TokenStartIndex),
                    "A seeds file is one JSON object with the arrays " + string.Join(", ", ArrayNames) + ".");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                var line = lines.LineOf(reader.TokenStartIndex);
                reader.Read();
                if (property == DatesRelativeToProperty)
                {
                    if (reader.TokenType == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", out var day))
                        file.DatesRelativeTo = day;
                    else
                        file.Errors.Add(new ImportError(name, line, property, "Expected a date (yyyy-MM-dd)."));
                    reader.Skip();
                    continue;
                }
                if (!ArrayNames.Contains(property, StringComparer.Ordinal))
                {
                    file.Errors.Add(new ImportError(name, line, property,
                        $"Unknown top-level property '{property}'; expected {string.Join(", ", ArrayNames)}."));
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    file.Errors.Add(new ImportError(name, line, property, $"'{property}' must be an array."));
                    reader.Skip();
                    continue;
                }
                switch (property)
                {
                    case "organizations": ReadArray(ref reader, file, property, lines, file.Organizations); break;
                    case "ipListings": ReadArray(ref reader, file, property, lines, file.IpListings); break;
                    case "requirements": ReadArray(ref reader, file, property, lines, file.Requirements); break;
                    default: ReadArray(ref reader, file, property, lines, file.Users); break;
                }
            }
            if (reader.Read()) return Fail(file, lines.LineOf(reader.TokenStartIndex), "Unexpected content after the top-level object.");
        }
        catch (JsonException e)
        {
            return Fail(file, (int)(e.LineNumber ?? 0) + 1, $"Not valid JSON: {StripPosition(e.Message)}");
        }
        return file;
    }

    private static void ReadArray<T>(ref Utf8JsonReader reader, SeedFile file, string array, LineIndex lines, List<SeedRow<T>> rows)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineOf(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                file.Errors.Add(new ImportError(file.Name, line, null, $"Each element must be an object, not {reader.TokenType}."));
                file.Malformed[array] = file.Malformed.GetValueOrDefault(array) + 1;
                reader.Skip();
                continue;
            }
            try
            {
                var value = JsonSerializer.Deserialize<T>(ref reader, Options);
                rows.Add(new SeedRow<T>(file.Name, line, value!));
            }
            catch (JsonException e)
            {
                // The serializer leaves the reader on the element's start when it fails, so skip
                // it as a whole (this throws, and fails the file, only if the element is not valid JSON).
                file.Errors.Add(new ImportError(file.Name, line, FieldOf(e), Describe(e)));
                file.Malformed[array] = file.Malformed.GetValueOrDefault(array) + 1;
                reader.Skip();
            }
        }
    }

    private static SeedFile Fail(SeedFile file, int line, string message)
    {
        file.Organizations.Clear();
        file.IpListings.Clear();
        file.Requirements.Clear();
        file.Users.Clear();
        file.Errors.Clear();
        file.Malformed.Clear();
        file.FileError = new ImportError(file.Name, line, null, message);
        return file;
    }

    private static string? FieldOf(JsonException e)
    {
        var path = e.Path?.TrimStart('$').TrimStart('.');
        if (UnmappedMember().Match(e.Message) is { Success: true } m)
        {
            var member = m.Groups[1].Value;
            if (string.IsNullOrEmpty(path) || path == member || path.EndsWith("." + member, StringComparison.Ordinal)) return string.IsNullOrEmpty(path) ? member : path;
            return $"{path}.{member}";
        }
        return string.IsNullOrEmpty(path) ? null : path;
    }

    private static string Describe(JsonException e)
    {
        if (UnmappedMember().Match(e.Message) is { Success: true } m) return $"Unknown field '{m.Groups[1].Value}'.";
        if (NotConverted().Match(e.Message) is { Success: true } c) return $"Expected {Expected(c.Groups[1].Value)}.";
        return StripPosition(e.Message);
    }

    /// <summary>Turns a CLR type name from the serializer's message into words a data editor understands.</summary>
    private static string Expected(string typeName)
    {
        var inner = NullableOf().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName;
        var type = Type.GetType(inner) ?? typeof(SeedFileReader).Assembly.GetType(inner) ?? typeof(global::GvcMatch.Matching.Criterion).Assembly.GetType(inner);
        if (type is { IsEnum: true }) return "one of " + string.Join(", ", Enum.GetNames(type));
        return inner switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" or "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.String" => "a text value",
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            _ when inner.Contains("List", StringComparison.Ordinal) => "an array",
            _ => "a value of another type",
        };
    }

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex(@"converted to (\S+?)\. ")]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    /// <summary>Maps byte offsets to 1-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _newlines = [];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = utf8.IndexOf((byte)'\n'); i >= 0;)
            {
                _newlines.Add(i);
                var next = utf8[(i + 1)..].IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public int LineOf(long offset)
        {
            var index = _newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }
    }
}
