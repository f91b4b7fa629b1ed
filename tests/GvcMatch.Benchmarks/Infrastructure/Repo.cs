namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>Paths inside the repository, found by walking up from the program to GvcMatch.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string ReferenceFolder => Path.Combine(Root, "seeds", "reference");
    public static string SeedsFolder => Path.Combine(Root, "seeds");
    public static string WebProject => Path.Combine(Root, "src", "GvcMatch.Web");

    /// <summary>The capability vocabulary the app ships, loaded once.</summary>
    public static GvcMatch.Matching.Understanding.CapabilityVocabulary Vocabulary => LazyVocabulary.Value;

    private static readonly Lazy<GvcMatch.Matching.Understanding.CapabilityVocabulary> LazyVocabulary =
        new(() => GvcMatch.Web.Features.Matching.MatchContexts.LoadVocabulary(SeedsFolder));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GvcMatch.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the GvcMatch repository (GvcMatch.sln not found above the program).");
    }
}
