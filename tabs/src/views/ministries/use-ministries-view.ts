/**
 * The ministries view's state, apart from its render: the ministries with their focal points,
 * which dialog is open, and each dialog's form (a nomination, a new ministry) and the history
 * of a ministry's nominations.
 */
import { useState } from "react";
import type { MinistryWithFocalPointsDto } from "../../../../core/api";
import type { FocalPointRole } from "../../../../core/ministries/focal-point";
import { useAction, useResource } from "../../api/use-resource";
import { useSession } from "../../shell/session";

export function useMinistriesView() {
  const { api, me, reloadMinistries } = useSession();
  const list = useResource((signal) => api.call("listMinistries", { signal }).then((r) => r.items), [api]);
  const [nominating, setNominating] = useState<{ ministry: MinistryWithFocalPointsDto; role: FocalPointRole }>();
  const [history, setHistory] = useState<MinistryWithFocalPointsDto>();
  const [adding, setAdding] = useState(false);
  const changed = () => {
    list.reload();
    reloadMinistries();
  };
  return { me, list, nominating, setNominating, history, setHistory, adding, setAdding, changed };
}

export function useNomination(ministry: MinistryWithFocalPointsDto, initialRole: FocalPointRole, onDone: () => void) {
  const { api, personas } = useSession();
  const [role, setRole] = useState<FocalPointRole>(initialRole);
  const [userId, setUserId] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const nominate = useAction(async () => {
    await api.call("nominateFocalPoint", { params: { id: ministry.id }, body: { role, person: { userId: userId.trim(), displayName: displayName.trim(), email: email.trim() } } });
    onDone();
  });
  const current = role === "technical" ? ministry.focalPoints.technical : ministry.focalPoints.senior;
  return { personas, role, setRole, userId, setUserId, displayName, setDisplayName, email, setEmail, nominate, current };
}

export function useNominationHistory(ministry: MinistryWithFocalPointsDto) {
  const { api } = useSession();
  return useResource((signal) => api.call("listFocalPoints", { params: { id: ministry.id }, signal }).then((r) => r.items), [api, ministry.id]);
}

export function useNewMinistry(onDone: () => void) {
  const { api } = useSession();
  const [name, setName] = useState("");
  const [acronym, setAcronym] = useState("");
  const [email, setEmail] = useState("");
  const add = useAction(async () => {
    await api.call("createMinistry", { body: { name: name.trim(), ...(acronym.trim() ? { acronym: acronym.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) } });
    onDone();
  });
  return { name, setName, acronym, setAcronym, email, setEmail, add };
}
