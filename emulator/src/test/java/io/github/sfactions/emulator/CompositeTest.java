package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompositeTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  private static final String V = SfHttp.V;

  private static Map<String, Object> sub(String method, String url, String ref, Object body) {
    Map<String, Object> m = map("method", method, "url", url, "referenceId", ref);
    if (body != null) {
      m.put("body", body);
    }
    return m;
  }

  @Test
  void compositeRunsSubrequestsInOrderWithReferencesToEarlierResults(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res r =
        http.post(
            V + "/composite",
            map(
                "allOrNone",
                false,
                "compositeRequest",
                List.of(
                    sub("POST", V + "/sobjects/Account", "newAccount", map("Name", "Acme")),
                    sub(
                        "POST",
                        V + "/sobjects/Contact",
                        "newContact",
                        map("LastName", "Doe", "AccountId", "@{newAccount.id}")),
                    sub(
                        "GET",
                        V + "/sobjects/Account/@{newAccount.id}?fields=Name",
                        "readBack",
                        null),
                    sub(
                        "GET",
                        V
                            + "/query?q=SELECT+Id,LastName+FROM+Contact+WHERE+AccountId='@{newAccount.id}'",
                        "contacts",
                        null),
                    sub(
                        "PATCH",
                        V + "/sobjects/Contact/@{contacts.records[0].Id}",
                        "rename",
                        map("LastName", "Roe")))));
    assertThat(r.status()).isEqualTo(200);
    JsonNode out = r.json().get("compositeResponse");
    assertThat(out).hasSize(5);
    assertThat(out.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
    assertThat(out.get(0).get("referenceId").asText()).isEqualTo("newAccount");
    String accountId = out.get(0).get("body").get("id").asText();
    assertThat(out.get(0).get("httpHeaders").get("Location").asText())
        .endsWith("/sobjects/Account/" + accountId);
    assertThat(out.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
    assertThat(out.get(2).get("body").get("Name").asText()).isEqualTo("Acme");
    assertThat(out.get(3).get("body").get("totalSize").asInt()).isEqualTo(1);
    assertThat(out.get(4).get("httpStatusCode").asInt()).isEqualTo(204);
    assertThat(out.get(4).get("body").isNull()).isTrue();
    String contactId = out.get(1).get("body").get("id").asText();
    assertThat(sf.record("Contact", contactId).orElseThrow())
        .containsEntry("LastName", "Roe")
        .containsEntry("AccountId", accountId);
    assertThat(sf.stats().totalApiCalls()).as("a composite request is one API call").isEqualTo(1);
  }

  @Test
  void withoutAllOrNoneAFailureHaltsOnlyTheSubrequestsThatReferToIt(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    JsonNode out =
        http.post(
                V + "/composite",
                map(
                    "compositeRequest",
                    List.of(
                        sub("POST", V + "/sobjects/Account", "bad", map("Description", "no name")),
                        sub(
                            "POST",
                            V + "/sobjects/Contact",
                            "dependent",
                            map("LastName", "X", "AccountId", "@{bad.id}")),
                        sub("POST", V + "/sobjects/Account", "independent", map("Name", "Fine")))))
            .json()
            .get("compositeResponse");
    assertThat(out.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
    assertThat(out.get(0).get("body").get(0).get("errorCode").asText())
        .isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(out.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
    assertThat(out.get(1).get("body").get(0).get("errorCode").asText())
        .isEqualTo("PROCESSING_HALTED");
    assertThat(out.get(1).get("body").get(0).get("message").asText()).contains("bad.id");
    assertThat(out.get(2).get("httpStatusCode").asInt()).isEqualTo(201);
    assertThat(sf.records("Account")).extracting(m -> m.get("Name")).containsExactly("Fine");
    assertThat(sf.records("Contact")).isEmpty();
  }

  @Test
  void allOrNoneRollsEverythingBackAndMarksTheOthersProcessingHalted(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    String existing = sf.createRecord("Account", Map.of("Name", "Before"));
    JsonNode out =
        http.post(
                V + "/composite",
                map(
                    "allOrNone",
                    true,
                    "compositeRequest",
                    List.of(
                        sub("POST", V + "/sobjects/Account", "a", map("Name", "Rolled back")),
                        sub(
                            "PATCH",
                            V + "/sobjects/Account/" + existing,
                            "b",
                            map("Name", "Changed")),
                        sub(
                            "POST",
                            V + "/composite/sobjects",
                            "c",
                            map(
                                "records",
                                List.of(
                                    map(
                                        "attributes",
                                        map("type", "Account"),
                                        "Name",
                                        "In collection")))),
                        sub("POST", V + "/sobjects/Lead", "d", map("LastName", "NoCompany")),
                        sub("POST", V + "/sobjects/Account", "e", map("Name", "Never run")))))
            .json()
            .get("compositeResponse");
    assertThat(out.get(3).get("body").get(0).get("errorCode").asText())
        .isEqualTo("REQUIRED_FIELD_MISSING");
    for (int i : new int[] {0, 1, 2, 4}) {
      assertThat(out.get(i).get("httpStatusCode").asInt()).isEqualTo(400);
      assertThat(out.get(i).get("body").get(0).get("errorCode").asText())
          .isEqualTo("PROCESSING_HALTED");
    }
    assertThat(sf.records("Account")).extracting(m -> m.get("Name")).containsExactly("Before");
    assertThat(sf.records("Lead")).isEmpty();
  }

  @Test
  void compositeRejectsMoreThan25SubrequestsAndMalformedOnes(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(sub("GET", V + "/limits", "r" + i, null));
    }
    SfHttp.Res tooMany = http.post(V + "/composite", map("compositeRequest", many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorCode()).isEqualTo("LIMIT_EXCEEDED");
    SfHttp.Res dupRef =
        http.post(
            V + "/composite",
            map(
                "compositeRequest",
                List.of(
                    sub("GET", V + "/limits", "same", null),
                    sub("GET", V + "/limits", "same", null))));
    assertThat(dupRef.errorCode()).isEqualTo("INVALID_INPUT");
    Map<String, Object> withAuth = sub("GET", V + "/limits", "x", null);
    withAuth.put("httpHeaders", map("Authorization", "Bearer other"));
    SfHttp.Res auth = http.post(V + "/composite", map("compositeRequest", List.of(withAuth)));
    assertThat(auth.errorCode()).isEqualTo("INVALID_INPUT");
    assertThat(auth.json().get(0).get("message").asText()).contains("Authorization");
    assertThat(http.post(V + "/composite", "{nope").errorCode()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(http.get(V + "/composite").status()).isEqualTo(405);
    assertThat(sf.records("Account")).isEmpty();
  }

  @Test
  void batchRunsIndependentSubrequestsAndHaltsOnErrorWhenAsked(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    String id = sf.createRecord("Account", Map.of("Name", "Acme"));
    JsonNode all =
        http.post(
                V + "/composite/batch",
                map(
                    "batchRequests",
                    List.of(
                        map(
                            "method",
                            "PATCH",
                            "url",
                            "v62.0/sobjects/Account/" + id,
                            "richInput",
                            map("Name", "Acme 2")),
                        map("method", "GET", "url", "v62.0/sobjects/Account/001000000000000"),
                        map(
                            "method",
                            "GET",
                            "url",
                            "v62.0/sobjects/Account/" + id + "?fields=Name"))))
            .json();
    assertThat(all.get("hasErrors").asBoolean()).isTrue();
    assertThat(all.get("results").get(0).get("statusCode").asInt()).isEqualTo(204);
    assertThat(all.get("results").get(1).get("statusCode").asInt()).isEqualTo(404);
    assertThat(all.get("results").get(2).get("result").get("Name").asText()).isEqualTo("Acme 2");

    JsonNode halted =
        http.post(
                V + "/composite/batch",
                map(
                    "haltOnError",
                    true,
                    "batchRequests",
                    List.of(
                        map(
                            "method",
                            "POST",
                            "url",
                            "v62.0/sobjects/Lead",
                            "richInput",
                            map("LastName", "X")),
                        map(
                            "method",
                            "POST",
                            "url",
                            "v62.0/sobjects/Account",
                            "richInput",
                            map("Name", "Not made")))))
            .json();
    assertThat(halted.get("results").get(0).get("statusCode").asInt()).isEqualTo(400);
    assertThat(halted.get("results").get(1).get("statusCode").asInt()).isEqualTo(412);
    assertThat(halted.get("results").get(1).get("result").get(0).get("errorCode").asText())
        .isEqualTo("BATCH_PROCESSING_HALTED");
    assertThat(sf.records("Account")).hasSize(1);

    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(map("method", "GET", "url", "v62.0/limits"));
    }
    assertThat(http.post(V + "/composite/batch", map("batchRequests", many)).errorCode())
        .isEqualTo("LIMIT_EXCEEDED");
  }

  @Test
  void treeCreatesParentsWithNestedChildrenAllOrNothing(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res ok =
        http.post(
            V + "/composite/tree/Account",
            map(
                "records",
                List.of(
                    map(
                        "attributes",
                        map("type", "Account", "referenceId", "ref1"),
                        "Name",
                        "Parent 1",
                        "Contacts",
                        map(
                            "records",
                            List.of(
                                map(
                                    "attributes",
                                    map("type", "Contact", "referenceId", "ref2"),
                                    "LastName",
                                    "Kid"),
                                map(
                                    "attributes",
                                    map("type", "Contact", "referenceId", "ref3"),
                                    "LastName",
                                    "Kid 2")))),
                    map(
                        "attributes",
                        map("type", "Account", "referenceId", "ref4"),
                        "Name",
                        "Parent 2"))));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("hasErrors").asBoolean()).isFalse();
    JsonNode results = ok.json().get("results");
    assertThat(results)
        .extracting(n -> n.get("referenceId").asText())
        .containsExactly("ref1", "ref2", "ref3", "ref4");
    String parent = results.get(0).get("id").asText();
    assertThat(sf.record("Contact", results.get(1).get("id").asText()).orElseThrow())
        .containsEntry("AccountId", parent);

    SfHttp.Res bad =
        http.post(
            V + "/composite/tree/Account",
            map(
                "records",
                List.of(
                    map(
                        "attributes",
                        map("type", "Account", "referenceId", "p"),
                        "Name",
                        "Rolled back",
                        "Contacts",
                        map(
                            "records",
                            List.of(
                                map(
                                    "attributes",
                                    map("type", "Contact", "referenceId", "c1"),
                                    "Email",
                                    "no-lastname")))))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("hasErrors").asBoolean()).isTrue();
    JsonNode err = bad.json().get("results").get(0);
    assertThat(err.get("referenceId").asText()).isEqualTo("c1");
    assertThat(err.get("errors").get(0).get("statusCode").asText())
        .isIn("REQUIRED_FIELD_MISSING", "INVALID_EMAIL_ADDRESS");
    assertThat(sf.records("Account")).hasSize(2);

    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      many.add(map("attributes", map("type", "Account", "referenceId", "r" + i), "Name", "A" + i));
    }
    SfHttp.Res tooMany = http.post(V + "/composite/tree/Account", map("records", many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorCode()).isEqualTo("LIMIT_EXCEEDED");
    SfHttp.Res dup =
        http.post(
            V + "/composite/tree/Account",
            map(
                "records",
                List.of(
                    map("attributes", map("type", "Account", "referenceId", "x"), "Name", "1"),
                    map("attributes", map("type", "Account", "referenceId", "x"), "Name", "2"))));
    assertThat(dup.json().get("results").get(0).get("errors").get(0).get("message").asText())
        .isEqualTo("Duplicate ReferenceId provided in the request.");
    assertThat(sf.records("Account")).hasSize(2);
  }
}
