/** A view that throws shows a message bar and a way back instead of a blank screen. */
import { Component, type ReactNode } from "react";
import { ProblemBar } from "../components/ProblemBar";

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) return <ProblemBar error={this.state.error} onRetry={() => this.setState({ error: undefined })} />;
    return this.props.children;
  }
}
