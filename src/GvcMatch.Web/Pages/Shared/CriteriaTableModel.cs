using GvcMatch.Matching;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>Criteria to show in full; <paramref name="Marks"/> labels positions that are new or changed since the previous version.</summary>
public sealed record CriteriaTableModel(IReadOnlyList<Criterion> Criteria, IReadOnlyDictionary<int, string>? Marks = null, string? Id = null);
