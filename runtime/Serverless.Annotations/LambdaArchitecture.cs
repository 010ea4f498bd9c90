namespace Serverless;

/// <summary>The instruction set a function runs on.</summary>
public enum LambdaArchitecture
{
    /// <summary>Inherit the app's setting, else x86_64.</summary>
    Default = 0,

    /// <summary>x86_64.</summary>
    X86_64 = 1,

    /// <summary>arm64 (Graviton).</summary>
    Arm64 = 2,
}
