#include "pipeline/graph.h"

#include <tbb/flow_graph.h>

namespace pdc {

void RunFileGraph(FileSource& source, const CleanStage& clean, const DiffStage& diff,
                  ResultSink& results, const GraphLimits& limits) {
  namespace flow = tbb::flow;
  flow::graph g;

  flow::input_node<BatchPtr> read(g, [&](tbb::flow_control& control) -> BatchPtr {
    BatchPtr batch = source.Next();
    if (!batch) control.stop();
    return batch;
  });
  // A token per batch in flight: the results stage hands one back for each batch it finishes.
  flow::limiter_node<BatchPtr> in_flight(g, limits.batches_in_flight);
  flow::function_node<BatchPtr, BatchPtr> clean_node(g, flow::unlimited, [&](BatchPtr batch) {
    clean.Process(*batch);
    return batch;
  });
  flow::function_node<BatchPtr, BatchPtr> diff_node(g, flow::unlimited, [&](BatchPtr batch) {
    diff.Process(*batch);
    return batch;
  });
  // Clean and diff finish batches out of order; the results go out in source order.
  flow::sequencer_node<BatchPtr> in_order(g, [](const BatchPtr& batch) { return batch->seq; });
  flow::function_node<BatchPtr, flow::continue_msg> results_node(g, flow::serial,
                                                                 [&](BatchPtr batch) {
                                                                   results.Consume(*batch);
                                                                   return flow::continue_msg{};
                                                                 });

  flow::make_edge(read, in_flight);
  flow::make_edge(in_flight, clean_node);
  flow::make_edge(clean_node, diff_node);
  flow::make_edge(diff_node, in_order);
  flow::make_edge(in_order, results_node);
  flow::make_edge(results_node, in_flight.decrementer());

  read.activate();  // sources start last, once every edge is in place
  g.wait_for_all();
}

}  // namespace pdc
