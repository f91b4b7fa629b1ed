using GvcMatch.Matching;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>Criteria to show in full; <paramref name="Changed"/> marks positions that differ from the previous version.</summary>
public sealed record CriteriaTableModel(IReadOnlyList<Criterion> Criteria, IReadOnlySet<int>? Changed = null, string? Id = null);
