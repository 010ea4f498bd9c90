namespace Serverless.Runtime.Http;

/// <summary>
/// The feature switch that keeps the local API server out of published apps. The package sets
/// <c>Serverless.Runtime.LocalServer.IsSupported</c> to false when publishing
/// (<c>RuntimeHostConfigurationOption</c> with <c>Trim="true"</c>); ILLink.Substitutions.xml then makes
/// <see cref="IsSupported"/> a constant false, so trimming and Native AOT drop the server and its dependencies.
/// </summary>
internal static class LocalServerFeature
{
    public const string SwitchName = "Serverless.Runtime.LocalServer.IsSupported";

    /// <summary>True unless the switch is set to false.</summary>
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var enabled) || enabled;
}
