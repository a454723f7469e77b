// References only SchemaTasks.Build, so it reads its own resources without any SchemaTasks API.
foreach (var name in typeof(Program).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
{
    Console.WriteLine(name);
}
