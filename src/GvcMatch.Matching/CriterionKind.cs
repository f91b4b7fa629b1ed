namespace GvcMatch.Matching;

/// <summary>The kinds of selection criteria a buyer can publish with a requirement.</summary>
public enum CriterionKind
{
    /// <summary>How well the supplier's capabilities cover the listed keywords.</summary>
    CapabilityFit,
    /// <summary>The supplier holds a valid certificate of the given standard.</summary>
    CertificationHeld,
    /// <summary>Monthly capacity is at least the given minimum (in the given unit).</summary>
    CapacityAtLeast,
    /// <summary>Typical lead time is at most the given number of days.</summary>
    LeadTimeAtMost,
    /// <summary>The supplier is located in one of the given countries.</summary>
    LocationIn,
    /// <summary>The supplier already exports (to the given countries, or anywhere when none are given).</summary>
    ExportExperience,
    /// <summary>The supplier's organisation has been verified by an admin or an intermediary.</summary>
    VerifiedSupplier,
    /// <summary>The supplier's size band is one of the given bands.</summary>
    CompanySize,
    /// <summary>The supplier has disclosed a sustainability topic for a recent year, at a minimum evidence level, optionally within a bound on its figure.</summary>
    DisclosureProvided,
}
