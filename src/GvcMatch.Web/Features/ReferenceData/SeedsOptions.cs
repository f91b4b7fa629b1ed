namespace GvcMatch.Web.Features.ReferenceData;

/// <summary>Where the reference lists and demo data live (the repo's <c>seeds/</c>, copied beside the app).</summary>
public sealed class SeedsOptions
{
    public const string Section = "Seeds";

    public string? Folder { get; set; }

    public string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(Folder)) return Path.GetFullPath(Folder);
        return Path.Combine(AppContext.BaseDirectory, "seeds");
    }
}
