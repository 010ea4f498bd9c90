namespace Serverless;

/// <summary>The period of a usage plan's request quota.</summary>
public enum UsagePlanPeriod
{
    /// <summary>Not set: a month.</summary>
    Default = 0,

    /// <summary>Per day.</summary>
    Day = 1,

    /// <summary>Per week.</summary>
    Week = 2,

    /// <summary>Per month.</summary>
    Month = 3,
}
