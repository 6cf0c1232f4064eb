package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Choosing a target (a context, ad-hoc target flags, the config file) and resolving its
 * credentials, with their failures, through the real entry point; the {@code contexts} commands
 * have their own test classes.
 */
class TargetsAndCredentialsTest extends FakeCliTest {

  @Test
  void unknownContextIsBadUsage() {
    CliRun run = cli("get", "connectors", "--context", "nope");
    assertExit(2, run);
    assertOneErrorLine(run, "Unknown context 'nope'", configFile.toString(), "rp, cf, yc");
    CliRun use = cli("contexts", "use", "nope");
    assertExit(2, use);
  }

  @Test
  void missingCredentialsExitThreeNamingTheVariable() {
    env.remove("RP_TOKEN");
    CliRun run = cli("get", "connectors");
    assertExit(3, run);
    assertOneErrorLine(run, "Context 'rp'", "RP_TOKEN", "credentials.env.token");
  }

  @Test
  void credentialsReachTheClientWithoutAppearingAnywhere() {
    CliRun run = cli("get", "connectors", "--context", "cf", "--verbose");
    assertExit(0, run);
    String header = credentials.get("cf").authorizationHeader();
    assertTrue(header.startsWith("Basic "));
    assertEquals(
        "CFKEY:cf-secret-value",
        new String(java.util.Base64.getDecoder().decode(header.substring(6))));
    assertNoSecrets(run);
    assertFalse(credentials.get("cf").toString().contains("cf-secret-value"));
  }

  @Test
  void credentialsFileForRedpanda() throws IOException {
    Files.writeString(home.resolve("rp.token"), "file-token\n");
    Files.writeString(
        configFile,
        CONFIG.replace("credentials: {env: {token: RP_TOKEN}}", "credentials: {file: ~/rp.token}"));
    assertExit(0, cli("get", "connectors"));
    assertEquals("Bearer file-token", credentials.get("rp").authorizationHeader());
    Files.delete(home.resolve("rp.token"));
    CliRun missing = cli("get", "connectors");
    assertExit(3, missing);
    assertOneErrorLine(missing, "credentials file", "rp.token", "does not exist");
  }

  @Test
  void inlineSecretsNeedTheExplicitOptIn() throws IOException {
    Files.writeString(
        configFile,
        CONFIG.replace(
            "credentials: {env: {token: RP_TOKEN}}",
            "credentials: {inline: {token: inline-token}}"));
    CliRun refused = cli("get", "connectors");
    assertExit(2, refused);
    assertOneErrorLine(
        refused, configFile.toString(), "context 'rp'", "insecure-inline-secret: true");
    assertFalse(refused.err().contains("inline-token"));
    Files.writeString(
        configFile,
        CONFIG.replace(
            "credentials: {env: {token: RP_TOKEN}}",
            "credentials: {inline: {token: inline-token}, insecure-inline-secret: true}"));
    assertExit(0, cli("get", "connectors"));
    assertEquals("Bearer inline-token", credentials.get("rp").authorizationHeader());
    CliRun contexts = cli("contexts");
    assertFalse(contexts.out().contains("inline-token"));
  }

  @Test
  void badConfigNamesFileContextAndKey() throws IOException {
    Files.writeString(
        configFile, CONFIG.replace("cluster: lkc-1", "cluster: lkc-1\n    colour: blue"));
    // issue 21: a broken context fails only when it is used (other commands get a warning)
    CliRun unknown = cli("get", "connectors", "--context", "cf");
    assertExit(2, unknown);
    assertOneErrorLine(unknown, configFile.toString(), "context 'cf'", "unknown key 'colour'");

    Files.writeString(configFile, CONFIG.replace("    environment: env-1\n", ""));
    CliRun missing = cli("get", "connectors", "--context", "cf");
    assertExit(2, missing);
    assertOneErrorLine(missing, "context 'cf'", "missing key 'environment'");

    Files.writeString(
        configFile, CONFIG.replace("cluster: c9q1", "cluster: c9q1\n    connect-cluster: x"));
    CliRun misplaced = cli("get", "connectors", "--context", "yc");
    assertOneErrorLine(
        misplaced, "context 'yc'", "'connect-cluster' does not apply to vendor yandex");

    Files.writeString(configFile, "contexts: [unclosed");
    CliRun yaml = cli("get", "connectors");
    assertExit(2, yaml);
    assertOneErrorLine(yaml, configFile.toString(), "not valid YAML");
  }

  @Test
  void explicitConfigFileMustExist() {
    CliRun run = cli("contexts", "--config", home.resolve("absent.yaml").toString());
    assertExit(2, run);
    assertOneErrorLine(run, "absent.yaml", "does not exist");
  }

  @Test
  void noTargetAtAllIsBadUsage() throws IOException {
    Files.writeString(configFile, CONFIG.replace("current-context: rp\n", ""));
    CliRun run = cli("get", "connectors");
    assertExit(2, run);
    assertOneErrorLine(run, "No target", "--context", "--vendor");
  }

  @Test
  void adHocTargetFromFlagsAlone() {
    env.put("CONFLUENT_CLOUD_API_KEY", "K");
    env.put("CONFLUENT_CLOUD_API_SECRET", "cf-secret-value");
    CliRun run =
        cli(
            "get",
            "connectors",
            "--vendor",
            "confluent",
            "--environment",
            "env-9",
            "--cluster",
            "lkc-9",
            "--url",
            "http://127.0.0.1:1234",
            "-o",
            "json");
    assertExit(0, run);
    Target target = targets.get(Target.AD_HOC);
    assertEquals(Vendor.CONFLUENT, target.vendor());
    assertEquals("env-9", target.environment());
    assertEquals("lkc-9", target.cluster());
    assertEquals("http://127.0.0.1:1234", target.url());
    assertEquals(Target.AD_HOC, run.jsonArray().get(0).get("context"));
  }

  @Test
  void adHocRedpandaDefaultsAndYandexUrls() {
    env.put("REDPANDA_TOKEN", "t0k3n");
    assertExit(
        0, cli("--vendor", "redpanda", "--url", "https://x.example.com", "get", "connectors"));
    assertEquals("", targets.get(Target.AD_HOC).connectCluster());
    env.put("YC_IAM_TOKEN", "iam");
    assertExit(
        0,
        cli(
            "get",
            "connectors",
            "--vendor",
            "yandex",
            "--cluster",
            "c9",
            "--operation-url",
            "https://ops.example.com",
            "--iam-url",
            "https://iam.example.com"));
    assertEquals("https://ops.example.com", targets.get(Target.AD_HOC).operationUrl());
    assertEquals("https://iam.example.com", targets.get(Target.AD_HOC).iamUrl());
  }

  @Test
  void adHocMissingCredentialsNameTheFacadeVariables() {
    CliRun run = cli("get", "connectors", "--vendor", "redpanda", "--url", "https://x.example.com");
    assertExit(3, run);
    assertOneErrorLine(run, "REDPANDA_TOKEN");
  }

  @Test
  void adHocFlagsAreChecked() {
    CliRun missing = cli("get", "connectors", "--vendor", "confluent", "--cluster", "lkc-1");
    assertExit(2, missing);
    assertOneErrorLine(missing, "--vendor confluent needs --environment ID");
    CliRun wrongFlag =
        cli(
            "get",
            "connectors",
            "--vendor",
            "redpanda",
            "--url",
            "https://x",
            "--environment",
            "e");
    assertExit(2, wrongFlag);
    assertOneErrorLine(wrongFlag, "--environment does not apply to --vendor redpanda");
    CliRun badVendor = cli("get", "connectors", "--vendor", "kafka");
    assertExit(2, badVendor);
    assertOneErrorLine(badVendor, "--vendor", "kafka");
    CliRun both =
        cli("get", "connectors", "--vendor", "yandex", "--cluster", "c", "--context", "rp");
    assertExit(2, both);
  }

  @Test
  void flagsOverrideTheContextsFields() {
    assertExit(0, cli("get", "connectors", "--context", "cf", "--cluster", "lkc-other"));
    assertEquals("lkc-other", targets.get("cf").cluster());
    assertEquals("env-1", targets.get("cf").environment());
    CliRun wrong = cli("get", "connectors", "--context", "cf", "--connect-cluster", "x");
    assertExit(2, wrong);
    assertOneErrorLine(wrong, "--connect-cluster does not apply to context 'cf' (confluent)");
  }

  @Test
  void allContextsCannotBeCombinedWithATarget() {
    assertExit(2, cli("get", "connectors", "--all-contexts", "--context", "rp"));
  }

  @Test
  void environmentVariableConfigAndDefaultLocation() throws IOException {
    env.remove("CONNECTCTL_CONFIG");
    java.nio.file.Path defaultFile = home.resolve(".config/connectctl/config.yaml");
    Files.createDirectories(defaultFile.getParent());
    Files.writeString(defaultFile, CONFIG.replace("current-context: rp", "current-context: yc"));
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    assertEquals("yc", run.jsonArray().get(0).get("context"));
    assertEquals(Map.of(), Map.of());
  }
}
