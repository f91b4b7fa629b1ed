using System.Text.Json;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>
/// The package envelopes of OCDS 1.1: a release package (releases) and a record package (records,
/// each with its releases linked by URL and its compiled release), with uri, publisher,
/// publishedDate, version "1.1" and, on paged answers, links to the next and previous pages.
/// </summary>
public static class OcdsPackages
{
    public static void Start(Utf8JsonWriter w, string uri, string publisher, DateTimeOffset publishedDate, string? next, string? prev)
    {
        w.WriteStartObject();
        w.WriteString("uri", uri);
        w.WriteString("version", "1.1");
        w.WriteString("publishedDate", OcdsRelease.Date(publishedDate));
        w.WriteStartObject("publisher");
        w.WriteString("name", publisher);
        w.WriteEndObject();
        if (next is not null || prev is not null)
        {
            w.WriteStartObject("links");
            if (next is not null) w.WriteString("next", next);
            if (prev is not null) w.WriteString("prev", prev);
            w.WriteEndObject();
        }
    }

    public static void WriteRecord(Utf8JsonWriter w, OcdsRelease releases, OcdsRequirement x, string releaseUrl)
    {
        w.WriteStartObject();
        w.WriteString("ocid", releases.Ocid(x.Requirement.Id));
        w.WriteStartArray("releases");
        w.WriteStartObject();
        w.WriteString("url", releaseUrl + "#" + releases.Id(x));
        w.WriteString("date", OcdsRelease.Date(OcdsRelease.DateOf(x)));
        w.WriteStartArray("tag");
        foreach (var tag in OcdsRelease.Tags(x)) w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("compiledRelease");
        releases.Write(w, x, compiled: true);
        w.WriteEndObject();
    }
}
