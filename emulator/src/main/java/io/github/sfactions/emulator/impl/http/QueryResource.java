package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.QueryService;
import java.util.List;

/** {@code /query} and {@code /queryAll} with paging through {@code nextRecordsUrl}. */
final class QueryResource {
  private static final String P_QUERY = "q";
  private static final String QUERY_OPTIONS = "Sforce-Query-Options";

  private final EmulatorCore core;

  QueryResource(EmulatorCore core) {
    this.core = core;
  }

  Reply handle(Call call, String version, boolean all, List<String> seg) {
    String endpoint = all ? "queryAll" : "query";
    if (!call.method().equals("GET")) {
      call.describe(endpoint, null, endpoint);
      return DataApi.methodNotAllowed(call, "GET");
    }
    int batch = QueryService.batchSize(call.header(QUERY_OPTIONS));
    if (seg.isEmpty()) {
      call.describe(endpoint, null, endpoint);
      QueryService.Result result = core.queries().query(call.query(P_QUERY), all, batch, version);
      call.object(result.object());
      return Reply.json(200, result.body());
    }
    if (seg.size() == 1) {
      call.describe(endpoint, core.queries().objectOfLocator(seg.get(0)), "queryMore");
      return Reply.json(200, core.queries().more(seg.get(0), batch, version));
    }
    throw ApiException.notFound();
  }
}
