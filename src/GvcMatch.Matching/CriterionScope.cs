namespace GvcMatch.Matching;

/// <summary>
/// Whom a criterion applies to when a consortium answers a requirement. A single supplier is the
/// whole consortium, every member and every role at once, so the scope changes nothing for it.
/// </summary>
public enum CriterionScope
{
    /// <summary>The kind's default (<see cref="Criterion.Scope"/>).</summary>
    Default,
    /// <summary>The consortium as a whole: capacities add up (in one kind of unit), capabilities are offered by someone, a certificate or fact by at least one member.</summary>
    Consortium,
    /// <summary>Every member on its own facts (e.g. a social-audit certificate).</summary>
    EveryMember,
    /// <summary>The member(s) doing the piece of work named by <see cref="Criterion.Role"/>.</summary>
    Role,
}
