using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.FunctionNameAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class FunctionNameAnalyzerTests
{
    [Fact]
    public Task ValidAndUniqueNames() => Verify.VerifyAsync("""
        using Serverless;

        public static class Names { public const string Create = "OrdersCreate2"; }

        public static class Orders
        {
            [LambdaFunction] public static void Create() { }
            [LambdaFunction(Name = Names.Create)] public static void Create(string id) { }
            [LambdaFunction(Name = "A")] public static void One() { }
            [LambdaFunction(Name = "X23456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456")]
            public static void Longest() { }
        }
        """);

    [Fact]
    public Task SLS1007_InvalidExplicitNameIsReportedOnTheArgument() => Verify.VerifyAsync("""
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(Name = {|SLS1007:"orders-create"|})] public static void Create() { }
            [LambdaFunction(MemorySize = 256, Name = {|SLS1007:""|})] public static void Empty() { }
            [LambdaFunction(Name = {|SLS1007:"Ünicode"|})] public static void Accents() { }
        }
        """);

    [Fact]
    public Task SLS1007_InvalidDefaultNameIsReportedOnTheMethod() => Verify.VerifyAsync("""
        using Serverless;

        public static class Order_Api
        {
            [LambdaFunction] public static void {|SLS1007:Get|}() { }
        }
        """);

    [Fact]
    public Task SLS1007_NameOver255Characters() => Verify.VerifyAsync($$"""
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(Name = {|SLS1007:"{{new string('a', 256)}}"|})] public static void Long() { }
        }
        """);

    [Fact]
    public Task SLS1008_HandlerOver127Characters() => Verify.VerifyAsync($$"""
        using Serverless;

        public static class Orders
        {
            [LambdaFunction(Name = {|SLS1008:"{{new string('a', 128)}}"|})] public static void Long() { }
            [LambdaFunction(Name = "{{new string('b', 127)}}")] public static void Fits() { }
        }
        """);

    [Fact]
    public Task SLS1006_OverloadsShareTheDefaultName() => Verify.VerifyAsync("""
        using Serverless;

        public static class Orders
        {
            [LambdaFunction] public static void Get(int id) { }
            [LambdaFunction] public static void {|SLS1006:Get|}(string number) { }
        }
        """);

    [Fact]
    public Task SLS1006_ExplicitNamesCollideAcrossFilesAndNestedTypes() => Verify.VerifyAsync(new[]
    {
        """
        using Serverless;

        public static class Outer
        {
            public static class Inner
            {
                [LambdaFunction] public static void Run() { }
            }
        }
        """,
        """
        using Serverless;

        public static class OuterInner
        {
            [LambdaFunction] public static void {|SLS1006:Run|}() { }
            [LambdaFunction(Name = {|SLS1006:"OuterInnerRun"|})] public static void Other() { }
        }
        """,
    });

    [Fact]
    public Task SLS1006_PartialClassAcrossFiles() => Verify.VerifyAsync(new[]
    {
        """
        using Serverless;
        namespace App;
        public static partial class Orders
        {
            [LambdaFunction(Name = "Same")] public static void A() { }
        }
        """,
        """
        using Serverless;
        namespace App;
        public static partial class Orders
        {
            [LambdaFunction(Name = {|SLS1006:"Same"|})] public static void B() { }
        }
        """,
    });

    [Fact]
    public Task SameNamesInDifferentNamespacesOfUnrelatedAttributesAreIgnored() => Verify.VerifyAsync("""
        using System;
        namespace Other
        {
            public sealed class LambdaFunctionAttribute : Attribute { public string? Name { get; set; } }
            public static class Orders
            {
                [LambdaFunction(Name = "bad-name")] public static void A() { }
                [LambdaFunction(Name = "bad-name")] public static void B() { }
            }
        }
        """);
}
